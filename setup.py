"""Packaging glue that pyproject.toml alone cannot say: the top-level resources/ and i18n/
folders travel inside the wheel as ide/_resources and ide/_i18n (see ide/paths.py)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["ide", "ide.*"]), "ide._resources", "ide._i18n"],
    package_dir={"ide._resources": "resources", "ide._i18n": "i18n"},
)
