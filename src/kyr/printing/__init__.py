"""Flyers and red cards as PDFs: the printable pages, Chromium printing, QR codes, reproducible
bytes.
"""
