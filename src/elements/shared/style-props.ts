/**
 * `style=${styleProps({ transform: '…' })}`: lit's `styleMap`, but through the CSSOM from the first
 * render. `styleMap` writes its first value as a `style` attribute, which a Content-Security-Policy
 * without `'unsafe-inline'` in `style-src` refuses (the element would be drawn unstyled until its
 * next update); `element.style` is never subject to the policy.
 */
import { noChange } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type PartInfo,
} from 'lit/directive.js';

/** Property names as in `element.style` (camelCase) or CSS (kebab-case, custom properties). */
export type StyleProps = Record<string, string | undefined>;

class StylePropsDirective extends Directive {
  /** What was written last: a marker moving with the map rewrites only its transform. */
  private previous = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() belongs in a style attribute binding.');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous.keys()) {
      if (props[name] == null) {
        setStyle(style, name, '');
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null || this.previous.get(name) === value) continue;
      setStyle(style, name, value);
      this.previous.set(name, value);
    }
    return noChange;
  }
}

function setStyle(style: CSSStyleDeclaration, name: string, value: string): void {
  if (name.includes('-')) style.setProperty(name, value);
  else (style as unknown as Record<string, string>)[name] = value;
}

export const styleProps = directive(StylePropsDirective);
