"""The project's own pytest setup.

cleaner's fixture plugin collects fixtures/ (pyproject's `cleaner_fixtures`) as one test per
page. Installed, the plugin is registered by its entry point; from a source tree on
PYTHONPATH it is not, so it is named here too. The entry point has this module's name, so
when both apply pytest registers it once.
"""

pytest_plugins = ["cleaner.evaluate.pytest_plugin"]
