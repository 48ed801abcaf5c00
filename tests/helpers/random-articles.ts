import fc from 'fast-check';

/**
 * Small random content folders for the property tests: up to three synthetic
 * articles on one day, whose frontmatter and bodies are drawn from values
 * that are valid, odd, or wrong in the ways editors get them wrong, and that
 * link to each other. Path → file text, as `contentFolder` takes it.
 */

/** A value that is right most of the time, so that whole folders pass as often as they fail. */
function mostlyRight<Value>(right: readonly Value[], wrong: readonly Value[]): fc.Arbitrary<Value> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...right) },
    { weight: 1, arbitrary: fc.constantFrom(...wrong) },
  );
}

const frontmatter = fc
  .record(
    {
      title: mostlyRight(
        ['Syntetisk sak', '</title><script>x()</script>'],
        ['', 'a'.repeat(201), 'Syntetisk \u202eoverskrift'],
      ),
      published: mostlyRight(['2025-09-02', '2025-09-02T14:30'], ['2025-02-30', '1899-12-31', 'i går']),
      source: mostlyRight(['NTB'], ['']),
      tags: mostlyRight([['Kina'], ['Økonomi', 'Å være']], [['!!!'], ['']]),
      slug: mostlyRight(['syntetisk-a'], ['Møte i Beijing']),
      redirectFrom: mostlyRight([['/2024/01/01/gammel/']], [['/sok/'], ['/a/../b/'], ['/2025/09/02/a/']]),
    },
    { requiredKeys: ['title', 'published', 'source'] },
  )
  // JSON is YAML, so any value is written as exactly itself.
  .map((fields) =>
    Object.entries(fields)
      .map(([field, value]) => `${field}: ${JSON.stringify(value)}`)
      .join('\n'),
  );

const block = mostlyRight(
  [
    'Syntetisk avsnitt med «sitat» og – tankestrek.',
    '## Kina og <abbr title="Den europeiske union">EU</abbr>',
    '## Økonomi',
    'Se [seksjonen](#kina-og-eu) og [sak b](/2025/09/02/b/).',
    'Fotnote.[^1]\n\n[^1]: Syntetisk fotnote.',
  ],
  [
    'Se [ingenting](#finnes-ikke).',
    'Se [punktet](#50%).',
    'Se [sak a](/2025/09/02/a/#okonomi).',
    '![Syntetisk](./borte.png)',
    '![Syntetisk](../../../../../../../../etc/hostname)',
    '<script>alert("syntetisk")</script>',
    '<img src="https://bilder.example/x.png" onerror="alert(1)">',
    `${'> '.repeat(120)}dypt`,
  ],
);
const body = fc.array(block, { maxLength: 3 }).map((blocks) => blocks.join('\n\n'));

const articleFile = fc
  .tuple(frontmatter, body)
  .map(([fields, text]) => `---\n# SYNTHETIC TEST FIXTURE: random.\n${fields}\n---\n\n${text}\n`);

export const randomContentFolder = fc
  .uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c'), articleFile), {
    minLength: 1,
    maxLength: 3,
    selector: ([name]) => name,
  })
  .map((articles) => Object.fromEntries(articles.map(([name, text]) => [`articles/2025/09/02/${name}.md`, text])));
