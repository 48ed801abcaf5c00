/**
 * A wire credit in NTB's printed form: "Alexander Kazakov / Sputnik / AP / NTB"
 * becomes "Foto: Alexander Kazakov / Sputnik / AP / NTB". The stored credit is
 * never rewritten; a credit that already names its kind is shown as it is.
 */
export function formatCredit(credit: string): string {
  const trimmed = credit.trim();
  return /^(foto|illustrasjon|grafikk|video)\s*:/i.test(trimmed) ? trimmed : `Foto: ${trimmed}`;
}

/** Where a markdown image title holds both caption and credit, they are split at the last " | ". */
export const CAPTION_CREDIT_SEPARATOR = ' | ';

/** Splits a markdown image title into caption and credit ("Putin i Beijing. | Name / AP / NTB"). */
export function splitCaptionAndCredit(title: string): { caption: string; credit?: string } {
  const at = title.lastIndexOf(CAPTION_CREDIT_SEPARATOR);
  if (at === -1) return { caption: title.trim() };
  const credit = title.slice(at + CAPTION_CREDIT_SEPARATOR.length).trim();
  return credit ? { caption: title.slice(0, at).trim(), credit } : { caption: title.slice(0, at).trim() };
}
