"""Typed claim extraction (English and Russian) with character spans."""

from accord.press.claims.extract import SUPPORTED_LANGUAGES, ExtractedClaim, extract_claims, extract_document

__all__ = ["SUPPORTED_LANGUAGES", "ExtractedClaim", "extract_claims", "extract_document"]
