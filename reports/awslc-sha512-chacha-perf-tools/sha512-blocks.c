#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
typedef void (*fn)(uint64_t *, const uint8_t *, size_t);
void sha512_block_data_order_avx(uint64_t state[8], const uint8_t *data, size_t num);
void sha512_block_data_order_nohw(uint64_t state[8], const uint8_t *data, size_t num);
void sha512_block_data_order_avxror(uint64_t state[8], const uint8_t *data, size_t num);
void sha512_block_data_order_avx2(uint64_t state[8], const uint8_t *data, size_t num);
static double now(void){struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t); return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  size_t nb = argc > 1 ? atoi(argv[1]) : 8192; int reps = (8192*8)/nb;
  uint8_t *buf = malloc(nb*128+1); for (size_t i=0;i<nb*128;i++) buf[i]=i*13+(i>>7);
  fn f[4] = {sha512_block_data_order_nohw, sha512_block_data_order_avx, sha512_block_data_order_avxror, sha512_block_data_order_avx2};
  const char *nm[4] = {"nohw","avx-shrd","avx-rorx","avx2"};
  uint64_t ref[8]; 
  for (size_t n = 1; n <= 9; n++) for (int k=0;k<4;k++){ uint64_t st[8]={1,2,3,4,5,6,7,8}; f[k](st,buf+1,n); if(k==0) memcpy(ref,st,64); else if (memcmp(ref,st,64)) printf("MISMATCH %s n=%zu\n",nm[k],n);}
  for (int r=0;r<3;r++){
    for (int k=0;k<4;k++){ uint64_t st[8]={0}; double t0=now(); for(int i=0;i<reps;i++) f[k](st,buf,nb); double t=now()-t0;
      printf("%s %.0f  ", nm[k], (double)reps*nb*128/t/1048576); }
    printf("\n");
  }
}
