"""The version, at the ground of the package (modules import it without importing the facade)."""
__version__ = "0.1.0"
