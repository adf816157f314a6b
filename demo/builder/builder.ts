import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import { controlFor, defaultValue, type ElementDoc, type ManifestAttribute } from './manifest.js';
import { isSafeCssValue, snippet, type EmbedChoice } from './snippet.js';

/** A feed the builder offers, so a site owner can try an element before they have a URL. */
export interface Sample {
  label: string;
  url: string;
}

export interface BuilderOptions {
  elements: ElementDoc[];
  /** Samples by tag; `*` for every tag without its own. */
  samples: Record<string, Sample[]>;
  /** The script URL the snippet starts with. */
  script: string;
}

/** The attributes the builder set on each preview element. */
const written = new WeakMap<Element, Set<string>>();

/** Attributes with a control of their own (the feed), or that only a page's script can use. */
const OWN_CONTROL = new Set(['src']);

/**
 * The embed builder: controls generated from the manifest, the element previewed at two widths in
 * light or dark, and the snippet that makes the same element on any page.
 */
export class EmbedBuilder {
  readonly #options: BuilderOptions;
  readonly #root: HTMLElement;
  #element: ElementDoc;
  #src = '';
  #script: string;
  #scheme: 'light' | 'dark' = 'light';
  #attributes = new Map<string, string | true>();
  #properties = new Map<string, string>();
  #copied = '';

  constructor(root: HTMLElement, options: BuilderOptions) {
    if (!options.elements.length) throw new Error('The manifest lists no feed elements: run `npm run analyze`.');
    this.#root = root;
    this.#options = options;
    this.#script = options.script;
    this.#element = options.elements[0];
    this.#src = this.#samples[0]?.url ?? '';
    this.#update();
  }

  /** The snippet as shown and copied. */
  get snippet(): string {
    return snippet(this.#choice);
  }

  get #samples(): Sample[] {
    return this.#options.samples[this.#element.tagName] ?? this.#options.samples['*'] ?? [];
  }

  get #choice(): EmbedChoice {
    const src = this.#src ? new URL(this.#src, location.href).href : '';
    return {
      script: new URL(this.#script, location.href).href,
      tag: this.#element.tagName,
      attributes: [...(src ? ([['src', src]] as [string, string][]) : []), ...this.#setAttributes()],
      properties: [...this.#properties],
    };
  }

  /** The attributes as the snippet writes them: trimmed, leaving out those at their default. */
  #setAttributes(): [string, string | true][] {
    return [...this.#attributes].flatMap(([name, value]): [string, string | true][] => {
      if (value === true) return [[name, true]];
      const documented = this.#element.attributes.find((attribute) => attribute.name === name);
      const trimmed = value.trim();
      return trimmed === '' || trimmed === defaultValue(documented?.default) ? [] : [[name, trimmed]];
    });
  }

  #chooseElement(tag: string) {
    this.#element = this.#options.elements.find((element) => element.tagName === tag) ?? this.#element;
    this.#attributes.clear();
    this.#properties.clear();
    this.#src = this.#samples[0]?.url ?? '';
  }

  /** Keeps a value as typed, so redrawing never takes a space or a digit from under the caret. */
  #setAttribute(attribute: ManifestAttribute, value: string | boolean) {
    if (value === false || value === '') this.#attributes.delete(attribute.name);
    else this.#attributes.set(attribute.name, value);
  }

  #setProperty(name: string, value: string) {
    if (value.trim()) this.#properties.set(name, value);
    else this.#properties.delete(name);
  }

  /**
   * The one way a control changes the choice: a listener that hands `set` the control's value
   * and, for a checkbox or radio, whether it is checked, then draws everything again.
   */
  #changed(set: (value: string, checked: boolean) => void) {
    return (event: Event) => {
      const control = event.target as HTMLInputElement | HTMLSelectElement;
      set(control.value, control instanceof HTMLInputElement && control.checked);
      this.#update();
    };
  }

  async #copy() {
    const text = this.snippet;
    try {
      await navigator.clipboard.writeText(text);
      this.#copied = 'Copied. Paste it where the widget should appear.';
    } catch {
      // Clipboard refused (no permission, or an old browser): select the text for Ctrl+C instead.
      const code = this.#root.querySelector('#snippet');
      if (code) getSelection()?.selectAllChildren(code);
      this.#copied = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
    this.#update();
  }

  #update() {
    render(this.#template(), this.#root);
    for (const stage of this.#root.querySelectorAll<HTMLElement>('.stage')) this.#preview(stage);
  }

  /** Keeps one element in `stage` that matches the choice, changing only what changed. */
  #preview(stage: HTMLElement) {
    const { tag, attributes, properties } = this.#choice;
    let element = stage.firstElementChild as HTMLElement | null;
    if (element?.localName !== tag) {
      element = document.createElement(tag);
      stage.replaceChildren(element);
    }
    const wanted = new Map<string, string>(attributes.map(([name, value]) => [name, value === true ? '' : value]));
    // Only what the builder set is taken away: elements reflect some properties to attributes.
    for (const name of written.get(element) ?? []) if (!wanted.has(name)) element.removeAttribute(name);
    for (const [name, value] of wanted) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    written.set(element, new Set(wanted.keys()));
    for (const { name } of this.#element.cssProperties) element.style.removeProperty(name);
    for (const [name, value] of properties) if (isSafeCssValue(value)) element.style.setProperty(name, value);
  }

  #template() {
    const element = this.#element;
    const attributes = element.attributes.filter((attribute) => !OWN_CONTROL.has(attribute.name));
    return html`
      <form class="builder-controls" @submit=${(event: Event) => event.preventDefault()}>
        <h2>Choose</h2>
        <label class="field">
          <span>Element</span>
          <select name="tag" aria-describedby="not-listed" @change=${this.#changed((tag) => this.#chooseElement(tag))}>
            ${this.#options.elements.map(
              ({ tagName, summary }) =>
                html`<option value=${tagName} ?selected=${tagName === element.tagName} title=${summary ?? ''}>&lt;${tagName}&gt;</option>`,
            )}
          </select>
        </label>
        ${element.summary ? html`<p class="hint">${element.summary.split('\n')[0]}</p>` : nothing}
        <p class="hint" id="not-listed">
          Elements that read a feed. &lt;news-card&gt; is not here: it shows one article your script hands it (its
          <code>item</code>); &lt;news-cards&gt; draws the same card for each item of a feed.
        </p>
        <fieldset>
          <legend>Feed</legend>
          <label class="field">
            <span>Sample</span>
            <select name="sample" @change=${this.#changed((url) => (this.#src = url || this.#src))}>
              <option value="" ?selected=${!this.#samples.some((sample) => sample.url === this.#src)}>Your own URL</option>
              ${this.#samples.map((sample) => html`<option value=${sample.url} ?selected=${sample.url === this.#src}>${sample.label}</option>`)}
            </select>
          </label>
          <label class="field">
            <span>Feed URL</span>
            <input
              name="src"
              type="url"
              .value=${live(this.#src)}
              placeholder="https://example.com/feed.json"
              @change=${this.#changed((url) => (this.#src = url.trim()))}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Attributes</legend>
          ${attributes.map((attribute) => this.#attributeControl(attribute))}
        </fieldset>
        <fieldset>
          <legend>Custom properties</legend>
          ${element.cssProperties.map(({ name, default: fallback, description }) => {
            const value = this.#properties.get(name) ?? '';
            const invalid = value !== '' && !isSafeCssValue(value);
            return html`<label class="field">
              <code>${name}</code>
              <input
                name=${name}
                data-property
                .value=${live(value)}
                placeholder=${defaultValue(fallback) ?? ''}
                aria-invalid=${invalid ? 'true' : 'false'}
                @input=${this.#changed((value) => this.#setProperty(name, value))}
              />
              ${description ? html`<small>${description}</small>` : nothing}
              ${invalid ? html`<small class="error">A value may not hold &lt; &gt; { } ; \\ or comments.</small>` : nothing}
            </label>`;
          })}
        </fieldset>
        <label class="field">
          <span>Script URL</span>
          <input
            name="script"
            type="url"
            .value=${live(this.#script)}
            @change=${this.#changed((url) => (this.#script = url.trim() || this.#options.script))}
          />
          <small>Where your site serves Feedlets: feedlets-server answers at /feedlets/.</small>
        </label>
      </form>
      <section class="builder-preview" aria-labelledby="preview-title">
        <div class="preview-head">
          <h2 id="preview-title">Preview</h2>
          <div class="scheme" role="radiogroup" aria-label="Colour scheme">
            ${(['light', 'dark'] as const).map(
              (scheme) => html`<label
                ><input
                  type="radio"
                  name="scheme"
                  value=${scheme}
                  .checked=${live(this.#scheme === scheme)}
                  @change=${this.#changed(() => (this.#scheme = scheme))}
                />
                ${scheme === 'light' ? 'Light' : 'Dark'}</label
              >`,
            )}
          </div>
        </div>
        <figure class="frame frame-desktop">
          <figcaption>Desktop (768 px or wider: scroll sideways in a narrow window)</figcaption>
          <div class="stage scheme-${this.#scheme}" data-width="desktop"></div>
        </figure>
        <figure class="frame frame-phone">
          <figcaption>Phone (375 px)</figcaption>
          <div class="stage scheme-${this.#scheme}" data-width="phone"></div>
        </figure>
      </section>
      <section class="builder-snippet" aria-labelledby="snippet-title">
        <h2 id="snippet-title">Snippet</h2>
        <pre><code id="snippet">${this.snippet}</code></pre>
        <button type="button" id="copy" @click=${() => this.#copy()}>Copy snippet</button>
        <p id="copy-status" role="status">${this.#copied}</p>
      </section>
    `;
  }

  #attributeControl(attribute: ManifestAttribute) {
    const control = controlFor(attribute);
    const fallback = defaultValue(attribute.default);
    const current = this.#attributes.get(attribute.name);
    const help = attribute.description ? html`<small>${attribute.description}</small>` : nothing;
    const onValue = this.#changed((value, checked) =>
      this.#setAttribute(attribute, control.kind === 'boolean' ? checked : value),
    );
    if (control.kind === 'boolean') {
      return html`<label class="field field-check">
        <input type="checkbox" name=${attribute.name} .checked=${live(current === true)} @change=${onValue} />
        <code>${attribute.name}</code> ${help}
      </label>`;
    }
    if (control.kind === 'choice') {
      const chosen = typeof current === 'string' ? current : fallback;
      return html`<label class="field">
        <code>${attribute.name}</code>
        <select name=${attribute.name} @change=${onValue}>
          ${control.options.map((option) => html`<option value=${option} ?selected=${option === chosen}>${option}</option>`)}
        </select>
        ${help}
      </label>`;
    }
    return html`<label class="field">
      <code>${attribute.name}</code>
      <input
        name=${attribute.name}
        type=${control.kind === 'number' ? 'number' : 'text'}
        .value=${live(typeof current === 'string' ? current : '')}
        placeholder=${fallback ?? ''}
        @input=${onValue}
      />
      ${help}
    </label>`;
  }
}
