// Survey pages are plain server-rendered HTML: no client JavaScript to download on a slow phone.
export const csr = false;
