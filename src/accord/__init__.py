"""accord: a computable, cited model of treaties and a checker for what the press says about them."""
