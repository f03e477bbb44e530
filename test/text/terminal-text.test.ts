import { terminalSafe, terminalSafeLines } from "../../src/text/terminal-text";

describe("terminalSafe", () => {
  it.each<[string, string, string]>([
    ["a newline and an escape sequence", "a\u001b[31m\nb", "a\\u001b[31m\\nb"],
    ["a carriage return, a tab, DEL and a C1 control", "\r\t\u007f\u009b", "\\r\\t\\u007f\\u009b"],
    ["line and paragraph separators", "\u2028\u2029", "\\u2028\\u2029"],
    ["a right-to-left override (it reverses what follows)", "user\u202Egnp.exe", "user\\u202egnp.exe"],
    ["every bidirectional embedding and override", "\u202A\u202B\u202C\u202D\u202E", "\\u202a\\u202b\\u202c\\u202d\\u202e"],
    ["every bidirectional isolate", "\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"],
    ["left-to-right, right-to-left and Arabic letter marks", "\u200E\u200F\u061C", "\\u200e\\u200f\\u061c"],
    ["zero-width spaces, joiners and the byte-order mark", "track\u200BEvent\u200C\u200D\u2060\uFEFF", "track\\u200bEvent\\u200c\\u200d\\u2060\\ufeff"],
    ["lone surrogates", "\uD800x\uDC00", "\\ud800x\\udc00"],
  ])("escapes %s", (_what, text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
  });

  it.each<[string, string]>([
    ["plain text", "definitions/create_snippet.yml"],
    ["letters of every script, accents and emoji", "événement – 事件 – حدث – 🎉 (a surrogate pair)"],
    ["the other spaces", "a\u00A0b\u2009c\u3000d"],
  ])("leaves %s as it is", (_what, text) => {
    expect(terminalSafe(text)).toBe(text);
  });
});

describe("terminalSafeLines", () => {
  it("keeps line breaks and escapes everything else", () => {
    expect(terminalSafeLines("one \u202Eline\ntwo \u001b[2Jlines\r\n")).toBe("one \\u202eline\ntwo \\u001b[2Jlines\\r\n");
  });
});
