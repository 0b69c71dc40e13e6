import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, messageBody, textToHtml } from '../html.js';

test('Teams HTML becomes readable text: mentions, emoji, links, images, lists, entities', () => {
  const html =
    '<div><p>Hi <at id="0">Adele Vance</at>, see <a href="https://contoso.sharepoint.com/plan">the plan</a> &amp; ' +
    '<a href="https://example.com">https://example.com</a> <emoji id="1f44d_thumbsup" alt="👍" title="Thumbs up"></emoji></p>' +
    '<ul><li>one</li><li>two &lt;b&gt;</li></ul><img src="https://graph.microsoft.com/x/$value" alt="chart">' +
    '<attachment id="153fa47d18c84016a3c4f6a92a8fd19c"></attachment><p>It&#39;s &#x2713;&nbsp;done</p></div>';

  assert.equal(
    htmlToText(html),
    "Hi @Adele Vance, see the plan (https://contoso.sharepoint.com/plan) & https://example.com 👍\n- one\n- two <b>\n\n[image: chart]\nIt's ✓ done",
  );
  assert.equal(htmlToText('<systemEventMessage/>'), '');
  assert.equal(htmlToText('line<br>break<br/>again'), 'line\nbreak\nagain');
});

test('text to send is escaped for Teams, with its line breaks kept', () => {
  assert.equal(
    textToHtml('a < b & "c"\nnext \'line\''),
    'a &lt; b &amp; &quot;c&quot;<br>next &#39;line&#39;',
  );
});

test('a body is HTML when asked, or when it holds tags and no type is given; text otherwise', () => {
  assert.deepEqual(messageBody('<b>bold</b>', undefined), { contentType: 'html', content: '<b>bold</b>' });
  assert.deepEqual(messageBody('<b>bold</b>', 'text'), {
    contentType: 'html',
    content: '&lt;b&gt;bold&lt;/b&gt;',
  });
  assert.deepEqual(messageBody('x < y and y > z', undefined), {
    contentType: 'html',
    content: 'x &lt; y and y &gt; z',
  });
  assert.deepEqual(messageBody('plain', 'html'), { contentType: 'html', content: 'plain' });
});
