"""Signs a PDF as a token-signing tool would, with pyHanko: sign_pdf.py IN.pdf OUT.pdf KEY.pem CERT.pem."""
import sys

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

source, target, key, cert = sys.argv[1:5]
signer = signers.SimpleSigner.load(key, cert)
with open(source, "rb") as f:
    signed = signers.sign_pdf(
        IncrementalPdfFileWriter(f), signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer)
with open(target, "wb") as out:
    out.write(signed.getvalue())
