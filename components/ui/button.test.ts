import { createElement, type ComponentProps, type MouseEvent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Button } from "./button";

const render = (props: ComponentProps<typeof Button>) => renderToStaticMarkup(createElement(Button, props, "Save"));

/** The props Button hands to the element it renders, to call its handlers without a browser. */
const renderedProps = (props: ComponentProps<typeof Button>) =>
  (Button(props) as { props: ComponentProps<"button"> }).props;

const click = () => ({ preventDefault: vi.fn(), stopPropagation: vi.fn() });

describe("a pending button", () => {
  it("reads as disabled and busy, but is not disabled, so it keeps the keyboard's focus", () => {
    const html = render({ pending: true });
    expect(html).toContain('aria-disabled="true"');
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toMatch(/\sdisabled=""/);
    expect(html).not.toContain("pending");
  });

  it("stops a click before the caller's onClick, and keeps a submit button from submitting", () => {
    const onClick = vi.fn();
    const rendered = renderedProps({ pending: true, type: "submit", onClick });
    expect(rendered.onClick).toBeUndefined();
    const event = click();
    rendered.onClickCapture?.(event as unknown as MouseEvent<HTMLButtonElement>);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(event.stopPropagation).toHaveBeenCalled();
    expect(onClick).not.toHaveBeenCalled();
  });

  it("guards the element it is slotted into with asChild as well", () => {
    const rendered = renderedProps({ pending: true, asChild: true, onClick: vi.fn() });
    expect(rendered.onClick).toBeUndefined();
    expect(rendered.onClickCapture).toBeTypeOf("function");
    expect(rendered["aria-disabled"]).toBe(true);
  });
});

describe("a button that is not pending", () => {
  it("passes its handlers through and adds no state", () => {
    const onClick = vi.fn();
    const rendered = renderedProps({ onClick });
    expect(rendered.onClick).toBe(onClick);
    expect(rendered.onClickCapture).toBeUndefined();
    expect(render({})).not.toMatch(/\saria-(disabled|busy)=/);
  });

  it("stays disabled for a real reason while a save is pending", () => {
    const html = render({ pending: true, disabled: true });
    expect(html).toMatch(/\sdisabled=""/);
  });
});
