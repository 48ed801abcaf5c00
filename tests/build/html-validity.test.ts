import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { BUILDS, htmlFiles } from '../helpers/builds.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // A headline is as long as the story needs; the site name after it makes many titles longer than 70.
  rules: {
    'long-title': 'off',
    // HTML asks only that an id have no spaces; an anchor an editor wrote, such as `50%`, keeps its characters.
    'valid-id': ['error', { relaxed: true }],
  },
});

for (const build of Object.values(BUILDS)) {
  describe(`HTML validity of the ${build.name} build`, () => {
    it('has no errors on any page', async () => {
      const files = await htmlFiles(build.dir);
      assert.ok(files.length >= 3);
      const errors: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(join(build.dir, file));
        for (const result of report.results) {
          for (const message of result.messages)
            errors.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
        }
      }
      assert.deepEqual(errors, []);
    });
  });
}
