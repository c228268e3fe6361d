"""fosterdocs: keep a fostering service's statutory documents as checked data, and publish them."""

__version__ = "0.1.0"
