import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/io/htmlToText';

describe('htmlToText', () => {
  it('drops tags, keeps text, decodes entities, turns breaks and blocks into newlines', () => {
    const { text } = htmlToText(
      '<p>A &amp; B &lt;c&gt; &#39;d&#x27; &nbsp;e &bogus;</p><div>F<br>G</div>',
    );
    expect(text).toBe("A & B <c> 'd'  e &bogus;\nF\nG\n");
  });

  it('records the ranges of elements with ids, nested or not', () => {
    const { text, spans } = htmlToText(
      'x <span id="node1">one <span id=\'node2\'>two</span></span> <b id=node3>three</b>',
    );
    const at = (id: string) => text.slice(spans.get(id)!.start, spans.get(id)!.end);
    expect([at('node1'), at('node2'), at('node3')]).toEqual(['one two', 'two', 'three']);
  });

  it('never keeps script or style content, or comments', () => {
    const { text } = htmlToText(
      'a<script>alert("x<b>")</script>b<style>p{}</style>c<!-- <span id="z">hidden</span> -->d',
    );
    expect(text).toBe('abcd');
  });

  it('treats stray < and & as text and survives unclosed tags', () => {
    const { text, spans } = htmlToText('1 < 2 & 3 <span id="open">unclosed');
    expect(text).toBe('1 < 2 & 3 unclosed');
    expect(spans.has('open')).toBe(false);
  });
});
