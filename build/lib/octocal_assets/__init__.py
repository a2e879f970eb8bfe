"""The bundled model files (adapter, its config, the model card), installed as the package ``octocal_assets``
so an installed ``octocal`` finds them through importlib.resources, wherever the checkout is or is not."""
