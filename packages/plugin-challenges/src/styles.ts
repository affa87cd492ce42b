/** The plugin's own page elements; everything else uses the district's stylesheet. */
export const styles = `
.challenges-tabs ul, .challenges-rounds ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 1.5rem; border-bottom: 1px solid var(--line); }
.challenges-tabs a, .challenges-rounds a { display: inline-block; padding: .5rem .25rem; }
.challenges-tabs a[aria-current], .challenges-rounds a[aria-current] { font-weight: 700; border-bottom: 4px solid var(--brand); }
.challenges-steps { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr)); gap: .5rem; padding: 0; margin: 0 0 1.5rem; }
.challenges-step { border: 1px solid var(--line); border-radius: var(--radius); padding: .6rem .8rem; display: grid; gap: .2rem; }
.challenges-step--current { border: 3px solid var(--brand); }
.challenges-step-label { font-weight: 600; }
.challenges-funnel { margin: 0 0 1rem; max-width: 28rem; }
.challenges-links { list-style: none; padding: 0; }
.challenges-assign { margin-bottom: 1rem; }
.challenges-funnel-svg { width: 100%; height: auto; color: var(--brand); }
.challenges-criterion-row { display: grid; grid-template-columns: 2fr 6rem 3fr; gap: 0 .75rem; align-items: end; }
.challenges-criterion-row .field { margin-bottom: .75rem; }
@media (max-width: 40rem) { .challenges-criterion-row { grid-template-columns: 1fr; border-bottom: 1px solid var(--line); margin-bottom: .75rem; } }
.challenges-criterion { border-top: 1px solid var(--line); padding-top: 1rem; }
.challenges-badge--alert { border-color: var(--error); color: var(--error); }
.challenges-faq dt { font-weight: 700; margin-top: 1rem; }
.challenges-faq dd { margin: .25rem 0 0; }
.challenges-form-section { border: 0; padding: 0; margin: 0 0 2rem; }
.challenges-form-section > legend { font-size: 1.35rem; font-weight: 700; margin-bottom: 1rem; }
`
