// `feedlets/xml`: the RSS/Atom reader on its own. The root entry leaves it out, so that a page
// importing `feedlets` without a bundler fetches it only when a feed turns out to be XML.
export { parseXmlFeed } from './core/parse-xml.js';
