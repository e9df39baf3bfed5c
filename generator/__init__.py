"""An Sinh: campaign material for voluntary social insurance from YAML."""

__version__ = "0.1.0"
