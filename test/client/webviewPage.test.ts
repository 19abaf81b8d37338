import assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, jsonForScript, newNonce, renderPage } from '../../client/src/webview/page';

describe('client: webview page shell', () => {
  it('escapes every character that could open markup or an attribute', () => {
    assert.equal(escapeHtml(`"><img src=x onerror='alert(1)'>&\``), '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;&#96;');
  });

  it('embeds data that cannot close its script block', () => {
    const json = jsonForScript({ message: '</script><script>alert(1)</script>\u2028' });
    assert.ok(!json.includes('<'), json);
    assert.deepEqual(JSON.parse(json), { message: '</script><script>alert(1)</script>\u2028' });
  });

  it('allows scripts only with the nonce and nothing remote', () => {
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval|\*/);
  });

  it('gives every script the nonce and a fresh nonce per render', () => {
    const nonce = newNonce();
    assert.notEqual(nonce, newNonce());
    const html = renderPage({ title: '<t>', cspSource: 'vscode-resource:', nonce, styles: ['a.css'], scripts: ['a.js', 'b.js'], body: '<main></main>', data: { x: 1 } });
    assert.equal(html.match(new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}"`, 'g'))?.length, 2);
    assert.match(html, /<title>&lt;t&gt;<\/title>/);
    assert.match(html, /<script id="irplan-data" type="application\/json">\{"x":1\}<\/script>/);
  });
});
