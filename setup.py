"""The one build step pyproject.toml cannot declare stably yet: the compiled YAML reader, optional (where it cannot
be built, for want of a C compiler or libyaml's headers, fosterdocs reads YAML in Python with the same results)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("fosterdocs._yamltree", ["src/fosterdocs/_yamltree.pyx"], libraries=["yaml"],
                             optional=True)])
