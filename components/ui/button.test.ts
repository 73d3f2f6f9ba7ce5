import { createElement, type ComponentProps, type FocusEvent, type MouseEvent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Button, interactionProps } from "./button";

const render = (props: ComponentProps<typeof Button>) => renderToStaticMarkup(createElement(Button, props, "Save"));

/** The props Button hands to the element it renders, to call its handlers without a browser. */
const renderedProps = (props: ComponentProps<typeof Button>, focused = false, setFocused = vi.fn()) =>
  interactionProps(props, focused, setFocused);

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
    const { asChild, ...props } = { pending: true, asChild: true, onClick: vi.fn() };
    const html = renderToStaticMarkup(
      createElement(Button, { asChild, pending: true }, createElement("a", { href: "/people" }, "People")),
    );
    expect(html).toMatch(/^<a [^>]*aria-disabled="true"/);
    const rendered = renderedProps(props);
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

describe("a button that becomes disabled while it has the focus", () => {
  it("keeps the focus: it reads as unavailable but is not disabled, and a press does nothing", () => {
    const onClick = vi.fn();
    const rendered = renderedProps({ disabled: true, onClick }, true);
    expect(rendered.disabled).toBeUndefined();
    expect(rendered["aria-disabled"]).toBe(true);
    expect(rendered.onClick).toBeUndefined();
    const event = click();
    rendered.onClickCapture?.(event as unknown as MouseEvent<HTMLButtonElement>);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onClick).not.toHaveBeenCalled();
  });

  it("is disabled as asked once the focus moves on, and passes focus and blur to the caller", () => {
    const setFocused = vi.fn();
    const onBlur = vi.fn();
    const onFocus = vi.fn();
    const focusedProps = renderedProps({ disabled: true, onBlur, onFocus }, true, setFocused);
    const blur = {} as FocusEvent<HTMLButtonElement>;
    focusedProps.onBlur?.(blur);
    expect(setFocused).toHaveBeenLastCalledWith(false);
    expect(onBlur).toHaveBeenCalledWith(blur);
    focusedProps.onFocus?.(blur);
    expect(setFocused).toHaveBeenLastCalledWith(true);
    expect(onFocus).toHaveBeenCalledWith(blur);
    expect(renderedProps({ disabled: true }, false).disabled).toBe(true);
    expect(render({ disabled: true })).toMatch(/\sdisabled=""/);
  });

  it("without the focus, an enabled button is left as it is", () => {
    const onClick = vi.fn();
    const rendered = renderedProps({ disabled: false, onClick }, true);
    expect(rendered.disabled).toBe(false);
    expect(rendered.onClick).toBe(onClick);
    expect(rendered["aria-disabled"]).toBeUndefined();
  });
});
