//! `author.ref` on the page layouts: the link to the deputy's page next to the author's name.
