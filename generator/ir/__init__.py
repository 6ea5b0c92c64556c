"""The intermediate representation a spec is parsed into: its nodes, Python types, `x-`
extensions, naming rules and the name lock, and what it relies on of the runtime."""
