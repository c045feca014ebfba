//! Loading: walk content/, read each file as text, split front matter and parse YAML with locations.

pub mod frontmatter;
pub mod text;
pub mod yaml;
