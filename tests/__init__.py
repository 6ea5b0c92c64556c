"""The test suite, laid out as the code is: loading, parse, render, runtime, contract, generation, changes, untrusted."""
