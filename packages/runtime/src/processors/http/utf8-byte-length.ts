/** The length of `text` in UTF-8, as it goes over the wire, counted without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Two bytes up to U+07FF; a surrogate pair (two code units) makes four; the rest of the BMP three.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
