import { applyDecorators, Header } from '@nestjs/common';

/** A page: HTML, never cached (it shows what the signed-in key may see). */
export const HtmlPage = () =>
  applyDecorators(Header('Content-Type', 'text/html; charset=utf-8'), Header('Cache-Control', 'no-store'));
