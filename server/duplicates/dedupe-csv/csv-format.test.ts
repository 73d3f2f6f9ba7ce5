import { describe, expect, it } from "vitest";
import { detectCsvFormat } from "./csv-format";

describe("detectCsvFormat", () => {
  it.each([
    ["comma", "name,email\nJane,jane@acme.com\n", ",", "\n"],
    ["semicolon, as spreadsheets in many locales write", "name;email;phone\r\nJane;jane@acme.com;1\r\n", ";", "\r\n"],
    ["tab", "name\temail\nJane\tjane@acme.com\n", "\t", "\n"],
    ["old Mac line breaks", "name,email\rJane,jane@acme.com\r", ",", "\r"],
    ["separators inside quotes do not count", '"Name, full";Email\n', ";", "\n"],
    ["a line break inside a quoted header is not its end", '"Full\nname";a;b\r\n', ";", "\r\n"],
    ["only the header line counts", "name;email\nJane,Doe,jane@acme.com,x\n", ";", "\n"],
    ["a tie goes to the comma", "a,b;c\n", ",", "\n"],
    ["one column", "email\njane@acme.com\n", ",", "\n"],
    ["a header without a line break", "name;email", ";", "\n"],
    ["pipe", "name|email|phone\nJane|jane@acme.com|1\n", "|", "\n"],
    ["blank lines before the header", "\r\n  \r\nname;email\r\n", ";", "\r\n"],
    [
      "a header that ends the file takes the line break of the blank lines before it",
      "\r\n\r\nname\temail",
      "\t",
      "\r\n",
    ],
  ])("%s", (_case, text, delimiter, newline) => {
    expect(detectCsvFormat(text)).toEqual({ delimiter, newline });
  });
});
