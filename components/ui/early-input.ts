/**
 * A ref callback for a server-rendered form (or part of one): hands React what was typed or picked
 * in its controls before React hydrated them. React keeps such a control's value in the page when
 * it hydrates it, but the component's state still holds the server's: the field shows one thing,
 * the state holds another, and the field's next render puts the server's value back. React calls
 * this when it attaches the element (on hydration, in the commit, before anything renders again),
 * and each changed input and select replays its change as an event React listens for, so its
 * onChange takes it like a keystroke. After a client render nothing is replayed: React makes each
 * input's default what it shows, and marks no option of a select as the server's choice. Keep the
 * callback's identity stable (a module function): React calls a new one again.
 */
export function adoptEarlyInput(root: HTMLElement | null): void {
  root
    ?.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input,select")
    .forEach((control) => {
      const typed = control.value;
      if (
        "options" in control
          ? // the server marked its choice (a client render marks none, and replays nothing)
            Array.from(control.options).some((o) => o.defaultSelected && !o.selected)
          : typed != control.defaultValue
      ) {
        // React takes an input's event as a change only if its value differs from the last one set
        // through the element's own `value` property: set that to the default (what React hydrated),
        // the typed value past it, then send the event (a select's change needs none of this)
        control.value = "options" in control ? typed : control.defaultValue;
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), "value")?.set?.call(
          control,
          typed,
        );
        control.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
}
