"""Typed claim extraction with character spans, in every language that has a pack (accord.press.lang)."""

from accord.press.claims.extract import SUPPORTED_LANGUAGES, ExtractedClaim, extract_claims, extract_document

__all__ = ["SUPPORTED_LANGUAGES", "ExtractedClaim", "extract_claims", "extract_document"]
