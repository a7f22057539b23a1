// Text safe to place in XML 1.0 character data and attribute values.

// Characters XML 1.0 forbids outright (C0 controls except tab/newline/CR,
// lone surrogates, U+FFFE/U+FFFF); PDF extraction occasionally leaves some.
const INVALID_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlCharacters(value: string): string {
  return value.replace(INVALID_XML_CHARACTERS, '');
}

/**
 * Escapes for both element content and double-quoted attribute values. Tabs
 * and line breaks become character references, because XML parsers turn
 * literal ones in attribute values into spaces (GEXF keeps values in attributes).
 */
export function escapeXml(value: string): string {
  return stripInvalidXmlCharacters(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
