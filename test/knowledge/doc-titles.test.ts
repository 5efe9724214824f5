import { DOC_TITLES, docTitle } from '../../src/knowledge/doc-titles';
import { engine } from '../helpers/engine';

describe('documentation links carry their page titles', () => {
  const knowledge = engine().knowledge;
  const cited = new Map<string, number>();
  for (const e of knowledge.entries) for (const u of e.docs) cited.set(u, (cited.get(u) ?? 0) + 1);
  for (const f of knowledge.faqs) for (const u of f.links) cited.set(u, (cited.get(u) ?? 0) + 1);

  // Numbered Help articles are labelled by their number (what Help's search finds), not a guess.
  const numbered = (u: string) => /^https:\/\/help\.salesforce\.com\/s\/articleView\?id=\d+&/.test(u);

  it('every URL cited by three entries or more has a written title', () => {
    const missing = [...cited]
      .filter(([u, n]) => n >= 3 && DOC_TITLES[u] === undefined && !numbered(u))
      .map(([u]) => u);
    expect(missing).toEqual([]);
  });

  it('has no stale titles for URLs the knowledge base no longer cites', () => {
    expect(Object.keys(DOC_TITLES).filter((u) => !cited.has(u))).toEqual([]);
  });

  it('tells the two topics of one page apart by their anchor', () => {
    const page =
      'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm';
    expect(docTitle(`${page}#statuscode_topic`)).toBe('SOAP API: StatusCode values');
    expect(docTitle(`${page}#exception_code_topic`)).toBe('SOAP API: ExceptionCode values');
  });

  it('labels a page it has no title for by its site and name, a Help article by its number', () => {
    expect(
      docTitle('https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_new_thing.htm'),
    ).toBe('Salesforce Developers: resources new thing');
    expect(docTitle('https://help.salesforce.com/s/articleView?id=000384958&type=1')).toBe(
      'Salesforce Help: article 000384958',
    );
    expect(docTitle('not a url')).toBe('not a url');
  });
});
