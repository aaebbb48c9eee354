// The names an import is journalled with stay within the message contract's bounds, whatever was
// dropped: a deep folder path keeps its end (what tells its files apart), and a drop beyond what
// one import takes names no file rather than a misleading few.
import { describe, expect, it } from 'vitest';
import { importLabel, journalNames } from '../../components/corpus/import-run';
import { MAX_DOCUMENTS_PER_IMPORT, MAX_LABEL_CHARS } from '../../lib/corpus/limits';

describe('journalNames', () => {
  it('keeps names as picked, and the end of a path too long to keep whole', () => {
    const deep = `${'archive/'.repeat(60)}2020/06/kadhimi.html`;
    const names = journalNames([{ name: 'a.html' }, { name: deep }]);
    expect(names[0]).toBe('a.html');
    expect(names[1]).toHaveLength(MAX_LABEL_CHARS);
    expect(names[1]).toMatch(/^….*2020\/06\/kadhimi\.html$/);
  });

  it('names none of a drop larger than an import takes', () => {
    const many = Array.from({ length: MAX_DOCUMENTS_PER_IMPORT * 2 + 1 }, (_, i) => ({ name: `${i}.txt` }));
    expect(journalNames(many)).toEqual([]);
  });

  it('labels an import by its first file', () => {
    expect(importLabel([{ name: 'a.html' }, { name: 'b.html' }, { name: 'c.jsonl' }])).toBe('a.html and 2 more');
  });
});
