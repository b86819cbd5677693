// PurgeCSS (pinned in package-lock.json) cuts Material's stylesheets to the rules this site's
// pages use; postbuild/stylesheets.py runs it after every MkDocs build (hooks/lean_site.py).
// The content it reads is every built page and the site's own scripts; the CSS files are
// named on the command line.
//
// The safelist keeps what Material's bundle adds to a page after it loads, which no built page
// holds: remove an entry and that component loses its look only once a reader uses it.
// tests/test_stylesheet.py compares every element's computed style under this cut against
// Material's whole stylesheet, in each of those states.
module.exports = {
  safelist: {
    // Elements that only appear once a script runs: search highlights, <mark> in results.
    standard: ["mark"],
    // Any selector with one of these in it is kept whole.
    greedy: [
      /md-search-result/,            // search results, written by the bundle as a reader types
      /md-tooltip/,                  // glossary and permalink tooltips (md-tooltip2, md-tooltip)
      /md-dialog/,                   // the "Copied to clipboard" notice
      /md-clipboard/, /md-code__/,   // the copy button on sample messages, and its states
      /md-typeset__(table|scrollwrap)/,  // the bundle wraps every table in these
      /focus-visible/,               // the bundle's focus-visible class on keyboard focus
      /md-nav__link--(passed|active)/,   // table of contents following the reader
      /md-header__title--active/,    // the page title taking the header's place on scroll
      /data-md-(scrolllock|copying|type|visible|state|highlight)/,  // attributes the bundle sets
    ],
  },
};
