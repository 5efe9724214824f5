import { visibleLength, visibleText } from '../../src/blocks/visible-text';

describe('visible text, as Slack renders a message', () => {
  it('counts section text and fields, headers, context, rich text and button labels', () => {
    const payload = {
      text: 'fallback that is not shown',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Head' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Body' }, fields: [{ type: 'mrkdwn', text: 'F1' }] },
        {
          type: 'context',
          elements: [
            { type: 'image', image_url: 'x', alt_text: 'img' },
            { type: 'mrkdwn', text: 'small' },
          ],
        },
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'rich' }] }],
        },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, value: 'secret-value' }],
        },
      ],
    };
    expect(visibleText(payload)).toBe('Head Body F1 small rich Go');
  });

  it('counts the fallback text only when there are no blocks', () => {
    expect(visibleText({ text: 'only *this*' })).toBe('only this');
    expect(visibleLength({ text: 'ignored', blocks: [{ type: 'divider' }] })).toBe(0);
  });

  it('renders mrkdwn away: link labels, bold code names, quotes, entities, emoji', () => {
    const text =
      '*`FIELD_CUSTOM_VALIDATION_EXCEPTION`* — _REST API_\n> quoted &lt;b&gt; &amp; more\n<https://example.com/a|the page> :wrench: ~old~';
    expect(visibleText({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] })).toBe(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION — REST API quoted <b> & more the page · old',
    );
  });

  it('leaves plain_text as written', () => {
    expect(visibleText({ blocks: [{ type: 'header', text: { type: 'plain_text', text: '*not bold*' } }] })).toBe(
      '*not bold*',
    );
  });

  it('is not thrown off by bad input', () => {
    expect(visibleLength({ blocks: [null, 3, { type: 'section' }, { type: 'actions', elements: 'x' }] as never })).toBe(
      0,
    );
    expect(visibleLength({})).toBe(0);
  });
});
