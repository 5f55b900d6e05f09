/* TA-Lib reference driver for the feature vectors: reads "FUNC PERIOD N" then N rows (close, or high low close for ATR/TRANGE) on stdin; prints one output per row, NaN where TA-Lib gives none (before outBegIdx). Build: see README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ta_libc.h"
int main(int argc, char** argv) {
  char func[32]; int period, n;
  if (scanf("%31s %d %d", func, &period, &n) != 3) return 2;
  double *h = malloc(n*sizeof(double)), *l = malloc(n*sizeof(double)), *c = malloc(n*sizeof(double)), *out = malloc(n*sizeof(double));
  int three = strcmp(func, "ATR") == 0 || strcmp(func, "TRANGE") == 0;
  for (int i = 0; i < n; i++) {
    if (three) { if (scanf("%lf %lf %lf", &h[i], &l[i], &c[i]) != 3) return 3; }
    else { if (scanf("%lf", &c[i]) != 1) return 3; }
  }
  TA_Initialize();
  int beg = 0, nb = 0; TA_RetCode rc;
  if (!strcmp(func, "EMA")) rc = TA_EMA(0, n-1, c, period, &beg, &nb, out);
  else if (!strcmp(func, "RSI")) rc = TA_RSI(0, n-1, c, period, &beg, &nb, out);
  else if (!strcmp(func, "ATR")) rc = TA_ATR(0, n-1, h, l, c, period, &beg, &nb, out);
  else if (!strcmp(func, "TRANGE")) rc = TA_TRANGE(0, n-1, h, l, c, &beg, &nb, out);
  else if (!strcmp(func, "STDDEV")) rc = TA_STDDEV(0, n-1, c, period, 1.0, &beg, &nb, out);
  else if (!strcmp(func, "SMA")) rc = TA_SMA(0, n-1, c, period, &beg, &nb, out);
  else if (!strcmp(func, "ROC")) rc = TA_ROCR(0, n-1, c, period, &beg, &nb, out);
  else return 4;
  if (rc != TA_SUCCESS) { fprintf(stderr, "rc=%d\n", rc); return 5; }
  for (int i = 0; i < n; i++) {
    if (i < beg || i >= beg + nb) printf("NaN\n"); else printf("%.17g\n", out[i-beg]);
  }
  return 0;
}
