import { describe, expect, it } from 'vitest';
import { readDocument } from '../../lib/names/discover';
import type { DocName, NameDocument } from '../../lib/names/types';
import { abadiArticle, headlineArticle, nujabaArticle, pmfArticle, sadrArticle } from './fixtures';

const forms = (name: DocName) => name.forms.map((f) => f.text);
const nameWith = (doc: NameDocument, text: string) => readDocument(doc).names.find((n) => n.forms.some((f) => f.text === text));
const typeOf = (name: DocName | undefined) => {
  if (!name) return undefined;
  const v = name.votes;
  return (['person', 'organization', 'place'] as const).reduce<string>((best, t) => (v[t] > (best === 'other' ? 0 : v[best as 'person']) ? t : best), 'other');
};

describe('names one document gives', () => {
  it('links a surname to the full name it follows', () => {
    const abadi = nameWith(abadiArticle, 'Haidar al-Abadi')!;
    expect(forms(abadi).sort()).toEqual(['Abadi', 'Haidar al-Abadi', 'al-Abadi']);
    expect(abadi.person).toEqual({ given: ['Haidar'], initials: [], surname: 'al-Abadi' });
    // "Former prime minister" before the full name is a title cue.
    expect(abadi.strong).toContain('title');
  });

  it('keeps two people with one surname apart', () => {
    const names = readDocument(sadrArticle).names.map(forms);
    expect(names).toContainEqual(['Muqtada al-Sadr']);
    expect(names).toContainEqual(['Mohammed Sadiq al-Sadr']);
    expect(names).toContainEqual(['Sadr City']);
  });

  it('links an acronym to its expansion in brackets and to its later uses', () => {
    const pmf = nameWith(pmfArticle, 'Popular Mobilization Forces')!;
    expect(forms(pmf).sort()).toEqual(['PMF', 'Popular Mobilization Forces']);
    expect(pmf.forms.find((f) => f.text === 'PMF')!.count).toBe(2);
    expect(pmf.strong).toContain('acronym');
    expect(typeOf(pmf)).toBe('organization');
  });

  it('does not take headline capitals or a sentence-opening word for names', () => {
    const names = readDocument(headlineArticle).names;
    const solid = names.filter((n) => !n.tentative).flatMap(forms);
    expect(solid).toEqual([]);
    // "Closing" opens a sentence and is seen nowhere else: at most tentative.
    expect(names.filter((n) => n.tentative).flatMap(forms)).toEqual(['Closing']);
  });

  it('strips titles but keeps them as type cues, and types by head words and place cues', () => {
    expect(typeOf(nameWith(nujabaArticle, 'Akram al-Kaabi'))).toBe('person');
    expect(typeOf(nameWith(nujabaArticle, 'Harakat al-Nujaba'))).toBe('organization');
    expect(typeOf(nameWith(nujabaArticle, 'Jurf al-Sakhar'))).toBe('place');
    expect(typeOf(nameWith(abadiArticle, 'Victory Alliance'))).toBe('organization');
    const sadr = nameWith(sadrArticle, 'Mohammed Sadiq al-Sadr')!;
    expect(forms(sadr)).toEqual(['Mohammed Sadiq al-Sadr']); // "Grand Ayatollah" is not part of the name
    expect(sadr.strong).toContain('title');
  });

  it('drops demonyms, months and days, and splits names joined by a hyphen', () => {
    const doc: NameDocument = {
      id: 'demonyms',
      title: 'Talks',
      paragraphs: ['On Tuesday in June, Iraqi and Iranian officials met Shiite leaders before the US-Iraq talks in Baghdad.'],
    };
    const all = readDocument(doc)
      .names.filter((n) => !n.tentative)
      .flatMap(forms)
      .sort();
    expect(all).toEqual(['Baghdad', 'Iraq', 'US']);
  });

  it('aligns a name in Arabic script with its Latin spelling in brackets', () => {
    const doc: NameDocument = {
      id: 'script',
      title: 'Names in two scripts',
      paragraphs: ['The commander Abu Fadak al-Mohammadawi (أبو فدك المحمداوي) attended the parade.'],
    };
    const name = nameWith(doc, 'Abu Fadak al-Mohammadawi')!;
    expect(forms(name).sort()).toEqual(['Abu Fadak al-Mohammadawi', 'أبو فدك المحمداوي']);
    expect(name.strong).toEqual(expect.arrayContaining(['script', 'title']));
  });

  it('finds defining phrases verbatim, with the paragraph they are in', () => {
    const kaabi = nameWith(nujabaArticle, 'Akram al-Kaabi')!;
    expect(kaabi.definitions[0]).toMatchObject({ text: 'Akram al-Kaabi, the leader of Harakat al-Nujaba', cite: 'nujaba-statement:1' });
    const abadi = nameWith(abadiArticle, 'Haidar al-Abadi')!;
    expect(abadi.definitions.map((d) => d.text)).toContain('Abadi, who led the country during the war against the militants');
    for (const d of [...kaabi.definitions, ...abadi.definitions]) {
      const [doc, para] = d.cite.split(':');
      const source = doc === nujabaArticle.id ? nujabaArticle : abadiArticle;
      expect(source.paragraphs[Number(para) - 1]).toContain(d.text);
    }
  });

  it('takes a region that spans countries for a name, with the demonym that says which', () => {
    const doc: NameDocument = {
      id: 'regions',
      title: 'Strikes across the border',
      paragraphs: ['Drones struck bases in Iraqi Kurdistan on Monday, and officials in the Kurdistan Region condemned the attack.', 'The Region said it would complain to Baghdad.'],
    };
    const texts = readDocument(doc).names.flatMap(forms);
    expect(texts).toEqual(expect.arrayContaining(['Iraqi Kurdistan', 'Kurdistan Region']));
    expect(texts).not.toContain('Region');
    expect(typeOf(nameWith(doc, 'Kurdistan Region'))).toBe('place');
  });

  it('never takes a dateline\'s place in capitals for the acronym of the agency in brackets after it', () => {
    const doc: NameDocument = { id: 'dateline', title: 'Talks resume', paragraphs: ['BAGHDAD (Alsumaria) – Talks resumed on Sunday, Alsumaria reported.'] };
    const alsumaria = nameWith(doc, 'Alsumaria')!;
    expect(forms(alsumaria)).toEqual(['Alsumaria']);
    expect(alsumaria.tentative).toBeUndefined();
    expect(forms(nameWith(doc, 'BAGHDAD')!)).toEqual(['BAGHDAD']);
  });
  it("takes a title's complement off the person's name, the place in it a name of its own", () => {
    const names = readDocument({
      id: 'titles',
      title: 'Talks on the border',
      paragraphs: [
        "Iran's Ambassador to Iraq Muhammad Kazem Al-e Sadegh met officials in Baghdad.",
        'Minister of Interior Rebar Ahmed said on Monday that the talks went well.',
        'National Security Adviser Qasim Al-Araji arrived in Tehran.',
        'The US special envoy to the Middle East Steve Witkoff spoke to reporters.',
        'Iranian Ambassador to Syria Hossein Akbari on Monday said the border would open.',
      ],
    }).names.map(forms);
    expect(names).toContainEqual(['Muhammad Kazem Al-e Sadegh']);
    expect(names).toContainEqual(['Rebar Ahmed']);
    expect(names).toContainEqual(['Qasim Al-Araji']);
    expect(names).toContainEqual(['Steve Witkoff']);
    expect(names).toContainEqual(['Hossein Akbari']);
    expect(names).toContainEqual(['Iraq']);
    expect(names).toContainEqual(['Middle East']);
    expect(names.flat().some((f) => /Interior|Adviser|Iraq Muhammad|East Steve|Syria Hossein/.test(f))).toBe(false);
  });
  it('leaves a title written half in capitals and an ordinary word opening a sentence out of names', () => {
    const names = readDocument({
      id: 'edges',
      title: 'Talks in Baghdad',
      paragraphs: [
        'He congratulated Amir Abdollahian on his appointment as the new Iranian Foreign minister.',
        'Opposing Fateh is the Sadrist Movement, which won the most seats.',
        'Later the Fateh Alliance rejected the results.',
        'Green Zone protests went on into the night.',
      ],
    }).names.map(forms);
    // "Foreign minister" is a title, "Amir" before one word a given name.
    expect(names.flat()).not.toContain('Foreign');
    expect(names).toContainEqual(['Amir Abdollahian']);
    expect(names.flat()).not.toContain('Opposing Fateh');
    expect(names.find((f) => f.includes('Fateh Alliance'))).toContain('Fateh');
    // An ordinary first word stays when nothing else in the document opens a name with the next.
    expect(names).toContainEqual(['Green Zone']);
  });
  it('ends a titled script name before a word joined to "and" or "for the"', () => {
    const names = readDocument({
      id: 'ar',
      title: 'زيارة',
      paragraphs: ['استقبل الرئيس الإيراني إبراهيم رئيسي وأمين المجلس الأعلى وفدا عراقيا.', 'وصل الرئيس عبد اللطيف رشيد إلى بغداد.'],
    }).names.map(forms);
    expect(names).toContainEqual(['إبراهيم رئيسي']);
    expect(names.flat()).not.toContain('إبراهيم رئيسي وأمين');
    // A three-word name without such a word keeps its three words.
    expect(names).toContainEqual(['عبد اللطيف رشيد']);
  });
  it('takes an office title with its portfolio, demonym, clitic and further titles off a script name', () => {
    const names = readDocument({
      id: 'ar-office',
      title: 'محادثات',
      paragraphs: [
        'وانتهت المحادثات بين الطرفين ووزير الخارجية الإيراني الدكتور سيد عباس عراقجي بعد ساعتين.',
        'وقال وزير الطاقة الإيراني علي أكبر محرابيان إن الاتفاق قريب.',
        'والتقى المبعوث الرئاسي الأميركي ستيف ويتكوف في مسقط.',
      ],
    }).names.map(forms);
    expect(names).toContainEqual(['عباس عراقجي']);
    expect(names).toContainEqual(['علي أكبر محرابيان']);
    expect(names).toContainEqual(['ستيف ويتكوف']);
    // Neither a portfolio nor a title is learned as a name.
    for (const wrong of ['الخارجية الإيراني الدكتور', 'الطاقة الإيراني', 'الرئاسي الأميركي ستيف']) expect(names.flat()).not.toContain(wrong);
  });
  it('takes the name a comma opens after a script title and its demonym', () => {
    const name = nameWith({ id: 'ar-comma', title: 'مسقط', paragraphs: ['قال وزير الخارجية العُماني، بدر البوسعيدي، الذي أدار المحادثات، إن المناقشات جرت في جو ودي.'] }, 'بدر البوسعيدي');
    expect(name).toBeDefined();
    // A title before a full script name counts it from this one document, as before a Latin one.
    expect(name!.strong).toContain('title');
  });
  it('counts no one-word script name from a title alone', () => {
    const names = readDocument({ id: 'ar-one', title: 'خبر', paragraphs: ['وجاء في منشور لوزير الخارجية العماني بالإنجليزية على منصة إكس.'] }).names;
    for (const n of names) expect(n.strong).not.toContain('title');
  });

  it('takes a "-designate" or "-elect" title off a name, and learns no title alone', () => {
    const doc: NameDocument = {
      id: 'designate',
      title: "Iraq's Prime Minister-designate withdraws",
      paragraphs: [
        'Iraqi Prime Minister-designate Mohammed Allawi withdrew his candidacy on Sunday.',
        'The new PM-designate Adnan al-Zurfi met President-elect Barham Salih, and Prime Minister-designate Adel Abdul-Mahdi was named.',
      ],
    };
    const names = readDocument(doc).names;
    const allawi = names.find((n) => n.forms.some((f) => f.text === 'Mohammed Allawi'));
    expect(allawi?.strong).toContain('title');
    for (const person of ['Adnan al-Zurfi', 'Barham Salih', 'Adel Abdul-Mahdi']) expect(names.some((n) => n.forms.some((f) => f.text === person))).toBe(true);
    // No name carries the title, and the title alone is no name.
    expect(names.flatMap(forms).filter((f) => /designate|elect/i.test(f))).toEqual([]);
  });

  it('types a name with a qualified kind after it ("the Nasr parliamentary group") as an organisation, not one with a role after it', () => {
    const doc: NameDocument = { id: 'nasr', title: 'Blocs', paragraphs: ['He heads the small Nasr parliamentary group in the chamber.', 'The Kasim political analyst said little.'] };
    expect(typeOf(nameWith(doc, 'Nasr'))).toBe('organization');
    expect(nameWith(doc, 'Kasim')?.votes.organization ?? 0).toBe(0);
  });

  it('takes an office adjective (the former, the designate) off a script name, and ends it before a preposition joined to a noun', () => {
    const names = readDocument({
      id: 'ar-former',
      title: 'تكليف',
      paragraphs: [
        'وهو ابن عم رئيس الوزراء الأسبق إياد علاوي، واعتذر رئيس الوزراء المكلف محمد توفيق علاوي عن تشكيل الحكومة.',
        'وكلف الرئيس برهم صالح بتشكيل الحكومة، والتقى السيد محمد باقر الحكيم.',
        'فكان امامه منصب رئيس الوزراء مقابل عدم الصدق.',
      ],
    }).names.map(forms);
    expect(names).toContainEqual(['إياد علاوي']);
    expect(names).toContainEqual(['محمد توفيق علاوي']);
    expect(names).toContainEqual(['برهم صالح']);
    // A third word opened by b that is no preposition before a noun stays in the name.
    expect(names).toContainEqual(['محمد باقر الحكيم']);
    for (const wrong of ['الأسبق إياد علاوي', 'المكلف محمد توفيق', 'برهم صالح بتشكيل', 'مقابل عدم الصدق']) expect(names.flat()).not.toContain(wrong);
  });

  it('types an Arabic place opened by its head word (Ain al-Asad) as a place, and a law as no person', () => {
    const doc: NameDocument = {
      id: 'asad',
      title: 'Arrest',
      paragraphs: ['He is accused of attacks on Ain al-Asad air base, and of attacks on Ain al-Asad last year.', 'He was charged under the Anti-Terrorism Law on Monday, as the Anti-Terrorism Law allows.'],
    };
    expect(typeOf(nameWith(doc, 'Ain al-Asad'))).toBe('place');
    const law = nameWith(doc, 'Anti-Terrorism Law')!.votes;
    expect(law.other).toBeGreaterThan(Math.max(law.person, law.organization, law.place));
  });

  it('keeps a script full name opened by a common given name only as a guess (tentative), the father\'s name between kept', () => {
    const doc: NameDocument = { id: 'ar-given', title: 'خبر', paragraphs: ['جرى اغتيال الخبير الأمني هشام الهاشمي في بغداد، وشيع إيهاب جواد الوزني أمس.'] };
    const hashimi = nameWith(doc, 'هشام الهاشمي');
    expect(hashimi?.tentative).toBe(true);
    expect(nameWith(doc, 'إيهاب جواد الوزني')?.tentative).toBe(true);
  });
});
