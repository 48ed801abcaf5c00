import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageNotice } from '../../src/site/age.ts';

const published = new Date('2025-09-02T08:00:00Z');

describe('ageNotice', () => {
  it('says nothing of an article less than a year old', () => {
    assert.equal(ageNotice(published, new Date('2026-09-01T08:00:00Z')), undefined);
  });
  it('says an article is more than a year old, and over N years past two', () => {
    assert.equal(ageNotice(published, new Date('2026-09-02T08:00:00Z')), 'Denne saken er mer enn ett år gammel.');
    assert.equal(ageNotice(published, new Date('2028-12-24T08:00:00Z')), 'Denne saken er over 3 år gammel.');
  });
});
