# The built-in rule packs and data live here; this file only lets setuptools ship the folder
# inside the wheel as the package ``lawlint.rules``.
