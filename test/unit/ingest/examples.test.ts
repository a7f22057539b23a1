import { describe, expect, it } from 'vitest';
import { cleanUrl, extractUrls, resolveExamples, slugify } from '../../../src/ingest/examples.js';
import type { ListEntry } from '../../../src/ingest/model.js';
import { loadNormalisationTables } from '../../../src/ingest/tables.js';

const tables = loadNormalisationTables();
const entry = (text: string, line = 100, footnotes: number[] = []): ListEntry => ({ text, footnotes, span: { startLine: line, endLine: line, text } });
const one = (text: string) => {
  const { examples } = resolveExamples([entry(text)], tables);
  expect(examples).toHaveLength(1);
  return examples[0]!;
};

describe('resolveExamples', () => {
  it('reads name, address and a stable id (GP 2)', () => {
    const { examples, notes } = resolveExamples([entry('Regional Anti-Corruption Initiative: http://rai-see.org/', 490, [])], tables);
    expect(notes).toEqual([]);
    expect(examples[0]).toEqual({
      id: 'example:regional-anti-corruption-initiative',
      name: 'Regional Anti-Corruption Initiative',
      description: '',
      urls: ['http://rai-see.org/'],
      text: 'Regional Anti-Corruption Initiative: http://rai-see.org/',
      countryIds: [],
      organizationIds: [],
      footnotes: [],
      span: { startLine: 490, endLine: 490, text: 'Regional Anti-Corruption Initiative: http://rai-see.org/' },
    });
  });

  it('keeps every address, without trailing punctuation', () => {
    const ex = one(
      'Transparency International Corruption Perception Index and Global Corruption Barometer: https://www.transparency.org/research/cpi/overview; https://www.transparency.org/research/gcb/overview.',
    );
    expect(ex.urls).toEqual(['https://www.transparency.org/research/cpi/overview', 'https://www.transparency.org/research/gcb/overview']);
    expect(ex.organizationIds).toEqual(['org:transparency-international']);
  });

  it('reads the country before the colon (GP 11)', () => {
    const ex = one(
      'Kenya: Nyumba Kumi Community Policing Initiative aims at eliminating the fear of crime and social disorder, through joint problem solving and prevention of crime. http://www.communitypolicing.go.ke/about.html.',
    );
    expect(ex).toMatchObject({
      id: 'example:kenya-nyumba-kumi-community-policing-initiative',
      name: 'Nyumba Kumi Community Policing Initiative',
      urls: ['http://www.communitypolicing.go.ke/about.html'],
      countryIds: ['country:kenya'],
    });
    expect(ex.description).toMatch(/^Nyumba Kumi Community Policing Initiative aims at eliminating/);
  });

  it('reads a list of countries and regions before the colon (GP 15)', () => {
    const ex = one(
      'Austria, Belgium, France, Germany, India, Indonesia, Macedonia, Pakistan, Tajikistan, Sub-Saharan Africa: The Mother Schools project follows a bottom-up security approach that includes civil society to address the dangers of extremism while fostering dialogue between local stakeholders and global decision-makers in twelve countries across Western and Eastern Europe, South and Southeast Asia, the Middle East, and Sub-Saharan Africa. https://www.women-without-borders.org/',
    );
    expect(ex.name).toBe('The Mother Schools project');
    expect(ex.countryIds.slice(0, 10)).toEqual([
      'country:austria',
      'country:belgium',
      'country:france',
      'country:germany',
      'country:india',
      'country:indonesia',
      'country:north-macedonia',
      'country:pakistan',
      'country:tajikistan',
      'country:sub-saharan-africa',
    ]);
    expect(ex.countryIds).toContain('country:middle-east');
    expect(ex.urls).toEqual(['https://www.women-without-borders.org/']);
  });

  it('links the organisations that run an example', () => {
    expect(
      one(
        'UNICRI-EU Community Engagement Project to counter CVE in the Sahel Maghreb: The Pilot Project seeks to launch, implement and evaluate innovative projects aimed at preventing and countering radicalization, terrorist recruitment and violent extremism in the Sahel-Maghreb region and disseminate lessons learned and best practices. http://www.unicri.it/topics/counter_terrorism/countering_violent_extremism_Sahel_Maghreb/.',
      ).organizationIds,
    ).toEqual(['org:unicri', 'org:eu']);
    expect(one('The Engaging Communities in Border Management in Niger Project by the IOM https://www.iom.int/news/iom-niger-launches-project-engage-communities-border-management/')).toMatchObject({
      organizationIds: ['org:iom'],
      countryIds: ['country:niger'],
    });
    expect(one('Bosnia-Herzegovina: OSCE Conference on Media and Terrorism in 2018. https://www.osce.org/mission-to-bosnia-and-herzegovina/391544?download=true')).toMatchObject({
      name: 'OSCE Conference on Media and Terrorism in 2018',
      countryIds: ['country:bosnia-and-herzegovina'],
      organizationIds: ['org:osce'],
      urls: ['https://www.osce.org/mission-to-bosnia-and-herzegovina/391544?download=true'],
    });
    // words in web addresses are not organisations ("europol.europa.eu")
    expect(one('European Counter Terrorism Centre – ECTC: https://www.europol.europa.eu/about-europol/european-counter-terrorism-centre-ectc').organizationIds).toEqual([]);
  });

  it('does not cut a one-word name at its verb, and shortens long names', () => {
    const ex = one(
      'UNODC assists Member States in breaking the cycle of re-offending by providing prison administrations with technical guidance on how to initiate and/or enhance rehabilitation programmes, in close coordination with other (non-)governmental stakeholders, including civil society and the private sector https://www.unodc.org/dohadeclaration/en/topics/prisoner-rehabilitation.html',
    );
    expect(ex.name.startsWith('UNODC assists Member States')).toBe(true);
    expect(ex.name.length).toBeLessThanOrEqual(101);
    expect(ex.description).toMatch(/private sector$/);
    expect(ex.organizationIds).toEqual(['org:unodc']);
    expect(one('Eurojust is the EU agency dealing with judicial cooperation in relation to serious crime. http://www.eurojust.europa.eu/').name).toBe('Eurojust');
  });

  it('notes an example without a web address and keeps ids unique within a list', () => {
    const { examples, notes } = resolveExamples(
      [entry('UNODC research work on the nexus in the context of the E4J programme.', 1503), entry('UNODC research work on the nexus in the context of the E4J programme.', 1504)],
      tables,
    );
    expect(examples.map((e) => e.id)).toEqual([
      'example:unodc-research-work-on-the-nexus-in-the-context-of-the-e4j',
      'example:unodc-research-work-on-the-nexus-in-the-context-of-the-e4j-2',
    ]);
    expect(notes.map((n) => [n.level, n.code, n.line])).toEqual([
      ['info', 'example.no-url', 1503],
      ['info', 'example.no-url', 1504],
    ]);
  });

  it('warns about an unknown place in a place list', () => {
    const { examples, notes } = resolveExamples([entry('Kenya, Atlantis: A project. https://example.org/')], tables);
    expect(examples[0]!.countryIds).toEqual(['country:kenya']);
    expect(notes).toEqual([expect.objectContaining({ level: 'warning', code: 'example.country-unresolved' })]);
  });
});

describe('addresses printed with spaces inside (GP 19, GP 24, GP 25)', () => {
  it('joins breaks after %20 and before a path, and encodes the spaces of a file name', () => {
    expect(extractUrls('commissioned by the German Federal Foreign Office https://issat.dcaf.ch/download/114190/2075681/Nigeria%20Donor%20SSR%20 Mapping%20Report%202016%20-%20Final.pdf')).toEqual([
      'https://issat.dcaf.ch/download/114190/2075681/Nigeria%20Donor%20SSR%20Mapping%20Report%202016%20-%20Final.pdf',
    ]);
    expect(extractUrls('https://www.unodc.org/westandcentralaf rica/en/newrosenwebsite/criminaljustice-system/prison-managment.html')).toEqual([
      'https://www.unodc.org/westandcentralafrica/en/newrosenwebsite/criminaljustice-system/prison-managment.html',
    ]);
    const ex = one('UNCCT - GCTF Border Security Initiative Training of Trainers https://www.thegctf.org/Portals/1/Documents/Links/Web/Final ToT Curriculum on BSM (003).pdf?ver=2018-07-11-155356-060');
    expect(ex.urls).toEqual(['https://www.thegctf.org/Portals/1/Documents/Links/Web/Final%20ToT%20Curriculum%20on%20BSM%20(003).pdf?ver=2018-07-11-155356-060']);
    expect(ex.name).toBe('UNCCT - GCTF Border Security Initiative Training of Trainers');
    expect(one('European Counter Terrorism Centre – ECTC: https://www.europol.europa.eu/about-europol/european-counter-terrorism-centre-ectc').name).toBe('European Counter Terrorism Centre – ECTC');
  });
});

describe('helpers', () => {
  it('cleans addresses and makes slugs', () => {
    expect(cleanUrl('(http://www.ks.undp.org/content/kosovo/en/home/x.html.')).toBe('http://www.ks.undp.org/content/kosovo/en/home/x.html');
    expect(extractUrls('See https://a.org/x; and www.b.org/y.')).toEqual(['https://a.org/x', 'www.b.org/y']);
    expect(slugify('INTERPOL’s Counter-Terrorism Fusion Centre (CTF)')).toBe('interpols-counter-terrorism-fusion-centre-ctf');
  });
});

describe('places of examples', () => {
  it('knows every ISO 3166 country and UN M49 region, with short forms (GP 10, line 894: Saudi Arabia)', () => {
    const countries = [...tables.countries.values()].filter((c) => c.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(tables.countryByAlias.get('saudi arabia')).toBe('country:saudi-arabia');
    expect(tables.countryByAlias.get('united states of america')).toBe('country:united-states');
    expect(tables.countryByAlias.get('western africa')).toBe('country:west-africa'); // M49 014 on the reviewed record
    expect(tables.countryByAlias.get('niger')).toBe('country:niger');
    expect(tables.countryByAlias.get('nigeria')).toBe('country:nigeria');
    expect(tables.countryByAlias.has('congo')).toBe(false); // two countries: reported, named by neither
    expect(tables.placeAmbiguities).toEqual(['congo (country:democratic-republic-of-the-congo, country:republic-of-the-congo)']);
    const risk = one(
      'The Terrorism and Political Violence Risk Map: provides data and information on the risk of terrorism and political violence across six countries specifically: Egypt, France, India, Saudi Arabia, Turkey and the United States, and other country data generally. http://www.aon.com/terrorismmap/.',
    );
    expect(risk.countryIds).toEqual(['country:egypt', 'country:france', 'country:india', 'country:saudi-arabia', 'country:turkey', 'country:united-states']);
  });

  it('does not take a place word inside an organisation name (GP 2, line 491: Council of Europe)', () => {
    const ex = one('Group of States against Corruption (GRECO), Council of Europe: https://www.coe.int/en/web/greco.');
    expect(ex.countryIds).toEqual([]);
    expect(ex.organizationIds).toEqual(['org:council-of-europe']);
  });

  it('takes the place reported on, not where it was reported (GP 3, line 548)', () => {
    const ex = one('Research carried out by International Centre for the Study of Radicalisation and Political Violence (ICSR) on Western Europe (mentioned in Albania meeting summary);');
    expect(ex.countryIds).toEqual(['country:western-europe']);
  });

  it('counts each region of a coordinated list (GP 15, line 1210) but not "Middle East and North Africa" as East Africa (GP 23, line 1728)', () => {
    const mother = one(
      'Austria, Belgium: The Mother Schools project follows a bottom-up security approach in twelve countries across Western and Eastern Europe, South and Southeast Asia, the Middle East, and Sub-Saharan Africa. https://www.women-without-borders.org/',
    );
    expect(mother.countryIds).toEqual(
      expect.arrayContaining(['country:western-europe', 'country:eastern-europe', 'country:south-asia', 'country:south-east-asia', 'country:middle-east', 'country:sub-saharan-africa']),
    );
    const morse = one(
      'Capacity Building of Law Enforcement and Judiciary-programs within the CTMorse initiative by the EU aims to respond to training needs in countries in the Greater Horn of Africa, West Africa, and the Middle East and North Africa http://ct-morse.eu/projects/',
    );
    expect(morse.countryIds).toEqual(['country:horn-of-africa', 'country:west-africa', 'country:mena']);
  });

  it('reads "US" only in capitals', () => {
    expect(one('A programme run with Us and partners in the US. https://example.org/').countryIds).toEqual(['country:united-states']);
  });
});

describe('names and organisations of examples', () => {
  it('names the initiative, not the organisation before a dash (GP 19, line 1448; GP 24, line 1825)', () => {
    const dcaf = one(
      'Geneva Centre for the Democratic Control of Armed Forces - International Security Sector Advisory Team (DCAF – ISSAT) commissioned by the German Federal Foreign Office – “Mapping of development partner support to justice and security sector reform in Nigeria”, commissioned by the German Federal Foreign Office https://issat.dcaf.ch/download/114190/2075681/Nigeria%20Donor%20SSR%20 Mapping%20Report%202016%20-%20Final.pdf',
    );
    expect(dcaf.name).toBe('Mapping of development partner support to justice and security sector reform in Nigeria');
    expect(dcaf.organizationIds).toEqual(['org:dcaf', 'org:german-federal-foreign-office']);
    const merit = one(
      'ICCT The Hague - Mali (Dis-)Engagement and Re-Integration related to Terrorism (MERIT). As part of the ICCT Rehabilitation & Reintegration programme, the MERIT project, focusing on Mali, targets both the prison environment https://icct.nl/project/countering-violent-extremism-in-mali/',
    );
    expect(merit.name).toBe('Mali (Dis-)Engagement and Re-Integration related to Terrorism (MERIT)');
    expect(merit.description).toMatch(/^As part of the ICCT Rehabilitation/);
    expect(merit.organizationIds).toEqual(['org:icct']);
    // two organisations leading a name keep it whole (GP 21, line 1583)
    expect(one('UNODC – World Bank The Stolen Asset Recovery Initiative (StAR) supports international efforts. https://www.unodc.org/unodc/en/corruption/StAR.html').name).toBe(
      'UNODC – World Bank The Stolen Asset Recovery Initiative (StAR)',
    );
  });

  it('extracts the organisations behind an example (GP 25, lines 1882-1889: UNOCT, UNCCT)', () => {
    const bsi = one(
      'UNOCT Border Security Initiative. The UNCCT Border Security Initiative (BSI) aims to assist the UN Member States https://www.un.org/counterterrorism/ctitf/en/uncct/border-security-initiative/',
    );
    expect(bsi.organizationIds).toEqual(['org:unoct', 'org:uncct']);
  });
});
