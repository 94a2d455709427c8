"""The README's pictures of what people take away, made from the real app:
`python scripts/render_take_away_images.py` (needs Debian's chromium and poppler-utils, and
python-pptx and Pillow from requirements-test.txt).

It serves the app on a free loopback port, then in Chromium
- prints /country/MDA to an A4 PDF as the browser does and renders its first page
  (docs/print-profile-page.png, with pdftoppm);
- downloads the ready-made deck as PowerPoint from /present and draws its first slide from the
  file's own shapes: the picture, and each text at its place and size
  (docs/deck-slide.png). No office suite is needed, and nothing is drawn by hand.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SLIDE_PX = 1600  # width of the slide picture
CHARTS_DRAWN = """() => {
  const plots = Array.from(document.querySelectorAll('#main .js-plotly-plot'))
    .filter(p => p.offsetParent !== null && !p.closest('.sparkline'));
  return plots.length > 0 && plots.every(p => p._fullLayout && p.querySelector('.main-svg'));
}"""


def serve() -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--threads", "4"], cwd=ROOT,
        # Links in the pictures name the address of the README's quick start.
        env={**os.environ, "WARM_UP": "0", "PUBLIC_URL": "http://localhost:8050"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the app did not start")


def wait(page: Page, script: str, arg: object = None, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {script}")
        page.wait_for_timeout(200)


def printed_profile(page: Page, url: str, work: Path) -> None:
    page.goto(url + "/country/MDA")
    wait(page, CHARTS_DRAWN)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    pdf = work / "profile.pdf"
    page.pdf(path=str(pdf), format="A4")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(DOCS / "print-profile-page")], check=True)


def deck_file(page: Page, url: str, work: Path) -> Path:
    page.goto(url + "/present")
    wait(page, "() => !!document.querySelector('#present-graph .js-plotly-plot')")
    with page.expect_download(timeout=180_000) as info:
        page.click("#deck-download-pptx")
    target = work / "deck.pptx"
    info.value.save_as(target)
    return target


def draw_slide(pptx: Path, out: Path) -> None:
    """The first slide of `pptx` as a picture: its image and its texts where the file puts
    them, at their sizes (text wrapped to each box)."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont
    from pptx import Presentation

    deck = Presentation(str(pptx))
    scale = SLIDE_PX / deck.slide_width
    canvas = Image.new("RGB", (SLIDE_PX, round(deck.slide_height * scale)), "white")
    draw = ImageDraw.Draw(canvas)
    for shape in deck.slides[0].shapes:
        box = [round(v * scale) for v in (shape.left, shape.top, shape.width, shape.height)]
        if shape.shape_type == 13:  # a picture
            picture = Image.open(BytesIO(shape.image.blob)).convert("RGB")
            canvas.paste(picture.resize((box[2], box[3]), Image.LANCZOS), (box[0], box[1]))
        elif shape.has_text_frame and shape.text_frame.text:
            run = shape.text_frame.paragraphs[0].runs[0]
            points = run.font.size.pt if run.font.size else 12
            font = ImageFont.truetype(FONT_BOLD if run.font.bold else FONT,
                                      round(points * 12700 * scale))
            y = box[1]
            for line in wrapped(shape.text_frame.text, font, box[2], draw):
                draw.text((box[0], y), line, fill="black", font=font)
                y += round(font.size * 1.2)
    canvas.save(out, optimize=True)


def wrapped(text: str, font: FreeTypeFont, width: int, draw: ImageDraw) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if draw.textlength(trial, font=font) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def main() -> None:
    from playwright.sync_api import sync_playwright

    process, url = serve()
    try:
        with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
            work = Path(folder)
            browser = pw.chromium.launch(executable_path=CHROMIUM,
                                         args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            printed_profile(page, url, work)
            draw_slide(deck_file(page, url, work), DOCS / "deck-slide.png")
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    print("wrote docs/print-profile-page.png and docs/deck-slide.png")


if __name__ == "__main__":
    main()
