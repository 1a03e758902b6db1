"""The materializer for Pillow images: PNG (TIFF for modes PNG cannot hold)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer

if TYPE_CHECKING:
    from PIL import Image

    from headwater.artifacts.visualization import SavedVisualization

_PNG_FILE = "image.png"
_TIFF_FILE = "image.tiff"
# Modes Pillow can write as PNG; others (CMYK, F, ...) go to TIFF, which keeps them.
_PNG_MODES = frozenset({"1", "L", "LA", "I;16", "P", "RGB", "RGBA"})


class PillowImageMaterializer(Materializer):
    """A Pillow image as a lossless PNG, which is also its own visualization."""

    ASSOCIATED_TYPES = ("PIL.Image.Image",)

    def save(self, data: Image.Image) -> None:
        """Write the image as PNG, or TIFF when its mode does not fit PNG."""
        is_png = data.mode in _PNG_MODES
        with self.fs.open(self.file_path(_PNG_FILE if is_png else _TIFF_FILE), "wb") as file:
            data.save(file, format="PNG" if is_png else "TIFF")

    def load(self, data_type: type) -> Any:
        """Read the image fully into memory."""
        from PIL import Image

        path = self.file_path(_PNG_FILE)
        if not self.fs.exists(path):
            path = self.file_path(_TIFF_FILE)
        with self.fs.open(path, "rb") as file:
            image = Image.open(file)
            image.load()
        return image

    def extract_metadata(self, data: Image.Image) -> dict[str, Any]:
        """The width, height and mode."""
        return {"width": data.width, "height": data.height, "mode": data.mode}

    def save_visualizations(self, data: Image.Image) -> list[SavedVisualization]:
        """The PNG itself; a TIFF image gets an RGB PNG copy."""
        if data.mode in _PNG_MODES:
            return [self.show_file("preview", "image", _PNG_FILE)]
        import io

        buffer = io.BytesIO()
        data.convert("RGB").save(buffer, format="PNG")
        return [self.write_visualization("preview", "image", buffer.getvalue(), extension="png")]
