import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The XML layer of outbound messages: a body becomes a tree of elements with their namespaces
 * resolved and their text decoded, or an OutboundEnvelopeError (the route's 400). Every check is
 * one linear pass, so no body under the 1 MiB cap can hold the server: nesting is counted before
 * any tree is built, and text is scanned without backtracking patterns.
 */

export class OutboundEnvelopeError extends Error {}

export type TXmlAttribute = { namespace: string | null; name: string; value: string };
export type TXmlElement = {
  namespace: string | null;
  /** The local name, without its prefix. */
  name: string;
  attributes: TXmlAttribute[];
  children: TXmlElement[];
  /** The element's own character data: references decoded, CDATA as written. */
  text: string;
};

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** Characters XML 1.0 forbids anywhere in a document: most C0 controls, U+FFFE/U+FFFF, broken surrogates. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /&(?:#([0-9]{1,8})|#x([0-9A-Fa-f]{1,7})|(lt|gt|amp|quot|apos));|&/g;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * The deepest element nesting of an XML text, counted by one linear scan without building a tree
 * (a body nested tens of thousands deep must not overflow a parser's stack). Quoted attribute values
 * are skipped (`<a x="/>">` opens an element), and so are comments, CDATA sections, processing
 * instructions and declarations. Exact for well-formed XML; stops past `limit`.
 */
export function nestingDepth(xml: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf("<");
  while (at >= 0 && at < xml.length) {
    const skipped = skipMarkup(xml, at);
    if (skipped !== null) {
      if (skipped < 0) break;
      at = xml.indexOf("<", skipped);
      continue;
    }
    const end = tagEnd(xml, at + 1);
    if (end < 0) break;
    if (xml[end] === ">") {
      if (xml[at + 1] === "/") depth = Math.max(0, depth - 1);
      else if (xml[end - 1] !== "/") {
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) break;
      }
    }
    // A `<` inside a tag ends nothing well-formed: the scan goes on from it.
    at = xml[end] === "<" ? end : xml.indexOf("<", end + 1);
  }
  return deepest;
}

/** Where the comment, CDATA, declaration or instruction at `at` ends (-1: never), or null for a tag. */
function skipMarkup(xml: string, at: number): number | null {
  const closing = (terminator: string, from: number) => {
    const end = xml.indexOf(terminator, from);
    return end < 0 ? -1 : end + terminator.length;
  };
  if (xml.startsWith("<!--", at)) return closing("-->", at + 4);
  if (xml.startsWith("<![CDATA[", at)) return closing("]]>", at + 9);
  if (xml[at + 1] === "?") return closing("?>", at + 2);
  if (xml[at + 1] === "!") return closing(">", at + 2);
  return null;
}

/** The index of the `>` that ends the tag starting before `from`, skipping quoted values; or of a stray `<`. */
function tagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let index = from; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ">" || char === "<") return index;
  }
  return -1;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: false,
  // References are decoded here (decodeReferences): only XML's five and character references.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type TOrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/**
 * The document's one root element. Refuses DTDs and entity declarations before anything else (they
 * are the classic XML attack surface and never expanded), bodies nested deeper than `maxDepth`, and
 * what XML refuses: characters outside XML's range, undeclared prefixes, references to entities XML
 * does not predefine, text or a second element beside the root.
 */
export function readXmlDocument(body: string, maxDepth: number): TXmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new OutboundEnvelopeError("DTDs and entities are not accepted in outbound messages.");
  if (nestingDepth(body, maxDepth) > maxDepth) {
    throw new OutboundEnvelopeError(
      `The body nests elements deeper than ${maxDepth} levels; an outbound message never does.`,
    );
  }
  if (NOT_XML_CHARACTER.test(body)) {
    throw new OutboundEnvelopeError(
      "The body holds characters XML does not allow (control characters or broken surrogates).",
    );
  }
  // XML reads CRLF and a lone CR as LF (end-of-line handling); a CR sent as &#13; stays.
  const text = body.replace(/\r\n?/g, "\n");
  let nodes: TOrderedNode[];
  try {
    if (XMLValidator.validate(text) !== true) throw new OutboundEnvelopeError("The body is not well-formed XML.");
    nodes = parser.parse(text) as TOrderedNode[];
  } catch {
    // Whatever the parser chokes on is the sender's fault: a 400, never a 5xx.
    throw new OutboundEnvelopeError("The body is not well-formed XML.");
  }
  const roots: TXmlElement[] = [];
  for (const node of nodes) {
    const name = elementName(node);
    if (name === null) {
      if (!isWhitespace(textOf(node))) throw new OutboundEnvelopeError("The body has text outside its root element.");
      continue;
    }
    roots.push(toElement(name, node, new Map()));
  }
  const [root, ...others] = roots;
  if (!root || others.length) throw new OutboundEnvelopeError("The body must hold exactly one root element.");
  return root;
}

function elementName(node: TOrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ":@" && key !== "#text" && key !== "#cdata") return key;
  return null;
}

function textOf(node: TOrderedNode): string {
  return typeof node["#text"] === "string" ? node["#text"] : "";
}

function toElement(qualifiedName: string, node: TOrderedNode, inherited: ReadonlyMap<string, string>): TXmlElement {
  const declared = Object.entries(node[":@"] ?? {});
  let scope = inherited;
  for (const [name, value] of declared) {
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    const prefix = name === "xmlns" ? "" : name.slice("xmlns:".length);
    const uri = decodeReferences(value);
    if (prefix && !uri) throw new OutboundEnvelopeError("A namespace prefix is declared with an empty URI.");
    if (scope === inherited) scope = new Map(inherited);
    (scope as Map<string, string>).set(prefix, uri);
  }
  const { prefix, local } = splitName(qualifiedName);
  const element: TXmlElement = {
    namespace: resolve(scope, prefix, true),
    name: local,
    attributes: declared
      .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
      .map(([name, value]) => {
        const attribute = splitName(name);
        return {
          namespace: attribute.prefix ? resolve(scope, attribute.prefix, false) : null,
          name: attribute.local,
          value: decodeReferences(value),
        };
      }),
    children: [],
    text: "",
  };
  const content = node[qualifiedName];
  for (const child of Array.isArray(content) ? (content as TOrderedNode[]) : []) {
    const name = elementName(child);
    if (name !== null) element.children.push(toElement(name, child, scope));
    else if (Array.isArray(child["#cdata"])) element.text += (child["#cdata"] as TOrderedNode[]).map(textOf).join("");
    else element.text += decodeReferences(textOf(child));
  }
  return element;
}

function splitName(name: string): { prefix: string; local: string } {
  const parts = name.split(":");
  if (parts.length === 1) return { prefix: "", local: name };
  const [prefix = "", local = ""] = parts;
  if (parts.length > 2 || !prefix || !local)
    throw new OutboundEnvelopeError("The body has a malformed element or attribute name.");
  return { prefix, local };
}

function resolve(scope: ReadonlyMap<string, string>, prefix: string, isElement: boolean): string | null {
  if (prefix === "xml") return XML_NAMESPACE;
  if (!prefix) return isElement ? scope.get("") || null : null;
  const uri = scope.get(prefix);
  if (uri === undefined) throw new OutboundEnvelopeError("The body uses a namespace prefix it never declares.");
  return uri;
}

/** XML's five predefined entities and character references; any other `&` is not well-formed here. */
export function decodeReferences(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (_match, decimal?: string, hex?: string, named?: string) => {
    if (named) return PREDEFINED[named] ?? "";
    const code =
      decimal !== undefined ? Number.parseInt(decimal, 10) : hex !== undefined ? Number.parseInt(hex, 16) : -1;
    if (!isXmlCharacterCode(code)) {
      throw new OutboundEnvelopeError(
        "The body has an ampersand that is not a reference XML defines (only lt, gt, amp, quot, apos and character references are).",
      );
    }
    return String.fromCodePoint(code);
  });
}

function isXmlCharacterCode(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function isWhitespace(text: string): boolean {
  for (const char of text) if (char !== " " && char !== "\t" && char !== "\n") return false;
  return true;
}

/** Trims XML's whitespace (space, tab, line feed) with index loops: a pattern would backtrack on long runs. */
export function trimXmlWhitespace(text: string): string {
  const space = (char: string | undefined) => char === " " || char === "\t" || char === "\n";
  let start = 0;
  let end = text.length;
  while (start < end && space(text[start])) start += 1;
  while (end > start && space(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
