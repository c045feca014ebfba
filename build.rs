//! Rebuilds the binary when the built-in default theme changes (it is embedded for `init` and theme-less sites).

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
