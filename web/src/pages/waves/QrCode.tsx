import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Renders a QR code as a PNG data URL; the qrcode library is loaded only when needed. */
async function qrDataUrl(text: string): Promise<string> {
  const qrcode = await import('qrcode');
  return qrcode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

/** The QR code of a link, as an image with a PNG download (for posters and slides). */
export function QrCode({ url, fileName }: { url: string; fileName: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setFailed(false);
    qrDataUrl(url).then(
      (dataUrl) => current && setImage(dataUrl),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [url]);

  if (failed) return <p className="alert alert-error">{t('waves.link.qrFailed')}</p>;
  if (!image) return null;
  return (
    <figure className="qr-code">
      <img src={image} alt={t('waves.link.qrAlt', { url })} width={192} height={192} />
      <figcaption>
        <a href={image} download={fileName}>
          {t('waves.link.qrDownload')}
        </a>
      </figcaption>
    </figure>
  );
}
