0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0005 jf 0002
0002: jeq  #0x40000003  jt 0003 jf 0004
0003: ja   0459
0004: ret  #0x80000000  ; KILL_PROCESS
0005: ld   [0]  ; nr
0006: jge  #0x40000086  jt 0253 jf 0007
0007: jge  #0x140       jt 0143 jf 0008
0008: jge  #0xe4        jt 0098 jf 0009
0009: jge  #0x8b        jt 0077 jf 0010
0010: jge  #0x67        jt 0041 jf 0011
0011: jge  #0x2a        jt 0032 jf 0012
0012: jge  #0x29        jt 0014 jf 0013
0013: ret  #0x7fff0000  ; ALLOW
0014: ld   [20]  ; args[0] (high)
0015: jgt  #0x0         jt 0020 jf 0016
0016: jeq  #0x0         jt 0017 jf 0019
0017: ld   [16]  ; args[0] (low)
0018: jge  #0x26        jt 0020 jf 0019
0019: ret  #0x7fff0000  ; ALLOW
0020: ld   [20]  ; args[0] (high)
0021: jeq  #0x0         jt 0022 jf 0025
0022: ld   [16]  ; args[0] (low)
0023: jeq  #0x27        jt 0024 jf 0025
0024: ret  #0x7fff0000  ; ALLOW
0025: ld   [20]  ; args[0] (high)
0026: jgt  #0x0         jt 0030 jf 0027
0027: jeq  #0x0         jt 0028 jf 0031
0028: ld   [16]  ; args[0] (low)
0029: jgt  #0x28        jt 0030 jf 0031
0030: ret  #0x7fff0000  ; ALLOW
0031: ret  #0x50001  ; ERRNO(1)
0032: jge  #0x38        jt 0034 jf 0033
0033: ret  #0x7fff0000  ; ALLOW
0034: jge  #0x39        jt 0040 jf 0035
0035: ld   [16]  ; args[0] (low)
0036: and  #0x7e020000
0037: jeq  #0x0         jt 0038 jf 0039
0038: ret  #0x7fff0000  ; ALLOW
0039: ret  #0x50001  ; ERRNO(1)
0040: ret  #0x7fff0000  ; ALLOW
0041: jge  #0x87        jt 0047 jf 0042
0042: jge  #0x68        jt 0044 jf 0043
0043: ret  #0x50001  ; ERRNO(1)
0044: jge  #0x86        jt 0046 jf 0045
0045: ret  #0x7fff0000  ; ALLOW
0046: ret  #0x50001  ; ERRNO(1)
0047: jge  #0x88        jt 0074 jf 0048
0048: ld   [20]  ; args[0] (high)
0049: jeq  #0x0         jt 0050 jf 0053
0050: ld   [16]  ; args[0] (low)
0051: jeq  #0x0         jt 0052 jf 0053
0052: ret  #0x7fff0000  ; ALLOW
0053: ld   [20]  ; args[0] (high)
0054: jeq  #0x0         jt 0055 jf 0058
0055: ld   [16]  ; args[0] (low)
0056: jeq  #0x8         jt 0057 jf 0058
0057: ret  #0x7fff0000  ; ALLOW
0058: ld   [20]  ; args[0] (high)
0059: jeq  #0x0         jt 0060 jf 0063
0060: ld   [16]  ; args[0] (low)
0061: jeq  #0x20000     jt 0062 jf 0063
0062: ret  #0x7fff0000  ; ALLOW
0063: ld   [20]  ; args[0] (high)
0064: jeq  #0x0         jt 0065 jf 0068
0065: ld   [16]  ; args[0] (low)
0066: jeq  #0x20008     jt 0067 jf 0068
0067: ret  #0x7fff0000  ; ALLOW
0068: ld   [20]  ; args[0] (high)
0069: jeq  #0x0         jt 0070 jf 0073
0070: ld   [16]  ; args[0] (low)
0071: jeq  #0xffffffff  jt 0072 jf 0073
0072: ret  #0x7fff0000  ; ALLOW
0073: ret  #0x50001  ; ERRNO(1)
0074: jge  #0x89        jt 0076 jf 0075
0075: ret  #0x50001  ; ERRNO(1)
0076: ret  #0x7fff0000  ; ALLOW
0077: jge  #0x9d        jt 0087 jf 0078
0078: jge  #0x99        jt 0082 jf 0079
0079: jge  #0x8c        jt 0081 jf 0080
0080: ret  #0x50001  ; ERRNO(1)
0081: ret  #0x7fff0000  ; ALLOW
0082: jge  #0x9a        jt 0084 jf 0083
0083: ret  #0x50001  ; ERRNO(1)
0084: jge  #0x9b        jt 0086 jf 0085
0085: ret  #0x7fff0000  ; ALLOW
0086: ret  #0x50001  ; ERRNO(1)
0087: jge  #0xd4        jt 0093 jf 0088
0088: jge  #0xa3        jt 0090 jf 0089
0089: ret  #0x7fff0000  ; ALLOW
0090: jge  #0xba        jt 0092 jf 0091
0091: ret  #0x50001  ; ERRNO(1)
0092: ret  #0x7fff0000  ; ALLOW
0093: jge  #0xd5        jt 0095 jf 0094
0094: ret  #0x50001  ; ERRNO(1)
0095: jge  #0xe3        jt 0097 jf 0096
0096: ret  #0x7fff0000  ; ALLOW
0097: ret  #0x50001  ; ERRNO(1)
0098: jge  #0x117       jt 0120 jf 0099
0099: jge  #0xf8        jt 0109 jf 0100
0100: jge  #0xf0        jt 0104 jf 0101
0101: jge  #0xec        jt 0103 jf 0102
0102: ret  #0x7fff0000  ; ALLOW
0103: ret  #0x50001  ; ERRNO(1)
0104: jge  #0xf6        jt 0106 jf 0105
0105: ret  #0x7fff0000  ; ALLOW
0106: jge  #0xf7        jt 0108 jf 0107
0107: ret  #0x50001  ; ERRNO(1)
0108: ret  #0x7fff0000  ; ALLOW
0109: jge  #0x101       jt 0115 jf 0110
0110: jge  #0xfb        jt 0112 jf 0111
0111: ret  #0x50001  ; ERRNO(1)
0112: jge  #0x100       jt 0114 jf 0113
0113: ret  #0x7fff0000  ; ALLOW
0114: ret  #0x50001  ; ERRNO(1)
0115: jge  #0x110       jt 0117 jf 0116
0116: ret  #0x7fff0000  ; ALLOW
0117: jge  #0x111       jt 0119 jf 0118
0118: ret  #0x50001  ; ERRNO(1)
0119: ret  #0x7fff0000  ; ALLOW
0120: jge  #0x130       jt 0132 jf 0121
0121: jge  #0x12b       jt 0127 jf 0122
0122: jge  #0x118       jt 0124 jf 0123
0123: ret  #0x50001  ; ERRNO(1)
0124: jge  #0x12a       jt 0126 jf 0125
0125: ret  #0x7fff0000  ; ALLOW
0126: ret  #0x50001  ; ERRNO(1)
0127: jge  #0x12c       jt 0129 jf 0128
0128: ret  #0x7fff0000  ; ALLOW
0129: jge  #0x12d       jt 0131 jf 0130
0130: ret  #0x50001  ; ERRNO(1)
0131: ret  #0x7fff0000  ; ALLOW
0132: jge  #0x135       jt 0138 jf 0133
0133: jge  #0x131       jt 0135 jf 0134
0134: ret  #0x50001  ; ERRNO(1)
0135: jge  #0x134       jt 0137 jf 0136
0136: ret  #0x7fff0000  ; ALLOW
0137: ret  #0x50001  ; ERRNO(1)
0138: jge  #0x138       jt 0140 jf 0139
0139: ret  #0x7fff0000  ; ALLOW
0140: jge  #0x13a       jt 0142 jf 0141
0141: ret  #0x50001  ; ERRNO(1)
0142: ret  #0x7fff0000  ; ALLOW
0143: jge  #0x4000000d  jt 0187 jf 0144
0144: jge  #0x1b7       jt 0166 jf 0145
0145: jge  #0x1a8       jt 0155 jf 0146
0146: jge  #0x143       jt 0150 jf 0147
0147: jge  #0x142       jt 0149 jf 0148
0148: ret  #0x50001  ; ERRNO(1)
0149: ret  #0x7fff0000  ; ALLOW
0150: jge  #0x144       jt 0152 jf 0151
0151: ret  #0x50001  ; ERRNO(1)
0152: jge  #0x150       jt 0154 jf 0153
0153: ret  #0x7fff0000  ; ALLOW
0154: ret  #0x50026  ; ERRNO(38)
0155: jge  #0x1b3       jt 0161 jf 0156
0156: jge  #0x1a9       jt 0158 jf 0157
0157: ret  #0x7fff0000  ; ALLOW
0158: jge  #0x1b2       jt 0160 jf 0159
0159: ret  #0x50001  ; ERRNO(1)
0160: ret  #0x7fff0000  ; ALLOW
0161: jge  #0x1b4       jt 0163 jf 0162
0162: ret  #0x50026  ; ERRNO(38)
0163: jge  #0x1b6       jt 0165 jf 0164
0164: ret  #0x7fff0000  ; ALLOW
0165: ret  #0x50001  ; ERRNO(1)
0166: jge  #0x1c2       jt 0176 jf 0167
0167: jge  #0x1b9       jt 0171 jf 0168
0168: jge  #0x1b8       jt 0170 jf 0169
0169: ret  #0x7fff0000  ; ALLOW
0170: ret  #0x50001  ; ERRNO(1)
0171: jge  #0x1ba       jt 0173 jf 0172
0172: ret  #0x7fff0000  ; ALLOW
0173: jge  #0x1bc       jt 0175 jf 0174
0174: ret  #0x50001  ; ERRNO(1)
0175: ret  #0x7fff0000  ; ALLOW
0176: jge  #0x1ce       jt 0182 jf 0177
0177: jge  #0x1c3       jt 0179 jf 0178
0178: ret  #0x50001  ; ERRNO(1)
0179: jge  #0x1cb       jt 0181 jf 0180
0180: ret  #0x7fff0000  ; ALLOW
0181: ret  #0x50001  ; ERRNO(1)
0182: jge  #0x1d3       jt 0184 jf 0183
0183: ret  #0x7fff0000  ; ALLOW
0184: jge  #0x40000000  jt 0186 jf 0185
0185: ret  #0x50026  ; ERRNO(38)
0186: ret  #0x7fff0000  ; ALLOW
0187: jge  #0x40000038  jt 0226 jf 0188
0188: jge  #0x40000015  jt 0198 jf 0189
0189: jge  #0x4000000f  jt 0193 jf 0190
0190: jge  #0x4000000e  jt 0192 jf 0191
0191: ret  #0x50026  ; ERRNO(38)
0192: ret  #0x7fff0000  ; ALLOW
0193: jge  #0x40000011  jt 0195 jf 0194
0194: ret  #0x50026  ; ERRNO(38)
0195: jge  #0x40000013  jt 0197 jf 0196
0196: ret  #0x7fff0000  ; ALLOW
0197: ret  #0x50026  ; ERRNO(38)
0198: jge  #0x4000002d  jt 0221 jf 0199
0199: jge  #0x40000029  jt 0201 jf 0200
0200: ret  #0x7fff0000  ; ALLOW
0201: jge  #0x4000002a  jt 0220 jf 0202
0202: ld   [20]  ; args[0] (high)
0203: jgt  #0x0         jt 0208 jf 0204
0204: jeq  #0x0         jt 0205 jf 0207
0205: ld   [16]  ; args[0] (low)
0206: jge  #0x26        jt 0208 jf 0207
0207: ret  #0x7fff0000  ; ALLOW
0208: ld   [20]  ; args[0] (high)
0209: jeq  #0x0         jt 0210 jf 0213
0210: ld   [16]  ; args[0] (low)
0211: jeq  #0x27        jt 0212 jf 0213
0212: ret  #0x7fff0000  ; ALLOW
0213: ld   [20]  ; args[0] (high)
0214: jgt  #0x0         jt 0218 jf 0215
0215: jeq  #0x0         jt 0216 jf 0219
0216: ld   [16]  ; args[0] (low)
0217: jgt  #0x28        jt 0218 jf 0219
0218: ret  #0x7fff0000  ; ALLOW
0219: ret  #0x50001  ; ERRNO(1)
0220: ret  #0x7fff0000  ; ALLOW
0221: jge  #0x40000030  jt 0223 jf 0222
0222: ret  #0x50026  ; ERRNO(38)
0223: jge  #0x40000036  jt 0225 jf 0224
0224: ret  #0x7fff0000  ; ALLOW
0225: ret  #0x50026  ; ERRNO(38)
0226: jge  #0x40000067  jt 0242 jf 0227
0227: jge  #0x4000003c  jt 0237 jf 0228
0228: jge  #0x40000039  jt 0234 jf 0229
0229: ld   [16]  ; args[0] (low)
0230: and  #0x7e020000
0231: jeq  #0x0         jt 0232 jf 0233
0232: ret  #0x7fff0000  ; ALLOW
0233: ret  #0x50001  ; ERRNO(1)
0234: jge  #0x4000003b  jt 0236 jf 0235
0235: ret  #0x7fff0000  ; ALLOW
0236: ret  #0x50026  ; ERRNO(38)
0237: jge  #0x40000065  jt 0239 jf 0238
0238: ret  #0x7fff0000  ; ALLOW
0239: jge  #0x40000066  jt 0241 jf 0240
0240: ret  #0x50026  ; ERRNO(38)
0241: ret  #0x7fff0000  ; ALLOW
0242: jge  #0x40000082  jt 0248 jf 0243
0243: jge  #0x40000068  jt 0245 jf 0244
0244: ret  #0x50001  ; ERRNO(1)
0245: jge  #0x4000007f  jt 0247 jf 0246
0246: ret  #0x7fff0000  ; ALLOW
0247: ret  #0x50026  ; ERRNO(38)
0248: jge  #0x40000083  jt 0250 jf 0249
0249: ret  #0x7fff0000  ; ALLOW
0250: jge  #0x40000084  jt 0252 jf 0251
0251: ret  #0x50026  ; ERRNO(38)
0252: ret  #0x7fff0000  ; ALLOW
0253: jge  #0x40000116  jt 0368 jf 0254
0254: jge  #0x400000d2  jt 0323 jf 0255
0255: jge  #0x400000a3  jt 0302 jf 0256
0256: jge  #0x4000008c  jt 0291 jf 0257
0257: jge  #0x40000088  jt 0286 jf 0258
0258: jge  #0x40000087  jt 0260 jf 0259
0259: ret  #0x50026  ; ERRNO(38)
0260: ld   [20]  ; args[0] (high)
0261: jeq  #0x0         jt 0262 jf 0265
0262: ld   [16]  ; args[0] (low)
0263: jeq  #0x0         jt 0264 jf 0265
0264: ret  #0x7fff0000  ; ALLOW
0265: ld   [20]  ; args[0] (high)
0266: jeq  #0x0         jt 0267 jf 0270
0267: ld   [16]  ; args[0] (low)
0268: jeq  #0x8         jt 0269 jf 0270
0269: ret  #0x7fff0000  ; ALLOW
0270: ld   [20]  ; args[0] (high)
0271: jeq  #0x0         jt 0272 jf 0275
0272: ld   [16]  ; args[0] (low)
0273: jeq  #0x20000     jt 0274 jf 0275
0274: ret  #0x7fff0000  ; ALLOW
0275: ld   [20]  ; args[0] (high)
0276: jeq  #0x0         jt 0277 jf 0280
0277: ld   [16]  ; args[0] (low)
0278: jeq  #0x20008     jt 0279 jf 0280
0279: ret  #0x7fff0000  ; ALLOW
0280: ld   [20]  ; args[0] (high)
0281: jeq  #0x0         jt 0282 jf 0285
0282: ld   [16]  ; args[0] (low)
0283: jeq  #0xffffffff  jt 0284 jf 0285
0284: ret  #0x7fff0000  ; ALLOW
0285: ret  #0x50001  ; ERRNO(1)
0286: jge  #0x40000089  jt 0288 jf 0287
0287: ret  #0x50001  ; ERRNO(1)
0288: jge  #0x4000008b  jt 0290 jf 0289
0289: ret  #0x7fff0000  ; ALLOW
0290: ret  #0x50001  ; ERRNO(1)
0291: jge  #0x4000009b  jt 0297 jf 0292
0292: jge  #0x40000099  jt 0294 jf 0293
0293: ret  #0x7fff0000  ; ALLOW
0294: jge  #0x4000009a  jt 0296 jf 0295
0295: ret  #0x50001  ; ERRNO(1)
0296: ret  #0x7fff0000  ; ALLOW
0297: jge  #0x4000009c  jt 0299 jf 0298
0298: ret  #0x50001  ; ERRNO(1)
0299: jge  #0x4000009d  jt 0301 jf 0300
0300: ret  #0x50026  ; ERRNO(38)
0301: ret  #0x7fff0000  ; ALLOW
0302: jge  #0x400000b4  jt 0312 jf 0303
0303: jge  #0x400000af  jt 0307 jf 0304
0304: jge  #0x400000ae  jt 0306 jf 0305
0305: ret  #0x50001  ; ERRNO(1)
0306: ret  #0x50026  ; ERRNO(38)
0307: jge  #0x400000b1  jt 0309 jf 0308
0308: ret  #0x50001  ; ERRNO(1)
0309: jge  #0x400000b3  jt 0311 jf 0310
0310: ret  #0x50026  ; ERRNO(38)
0311: ret  #0x50001  ; ERRNO(1)
0312: jge  #0x400000cd  jt 0318 jf 0313
0313: jge  #0x400000b5  jt 0315 jf 0314
0314: ret  #0x50026  ; ERRNO(38)
0315: jge  #0x400000ba  jt 0317 jf 0316
0316: ret  #0x50001  ; ERRNO(1)
0317: ret  #0x7fff0000  ; ALLOW
0318: jge  #0x400000cf  jt 0320 jf 0319
0319: ret  #0x50026  ; ERRNO(38)
0320: jge  #0x400000d1  jt 0322 jf 0321
0321: ret  #0x7fff0000  ; ALLOW
0322: ret  #0x50026  ; ERRNO(38)
0323: jge  #0x400000ed  jt 0345 jf 0324
0324: jge  #0x400000d8  jt 0334 jf 0325
0325: jge  #0x400000d4  jt 0329 jf 0326
0326: jge  #0x400000d3  jt 0328 jf 0327
0327: ret  #0x7fff0000  ; ALLOW
0328: ret  #0x50026  ; ERRNO(38)
0329: jge  #0x400000d5  jt 0331 jf 0330
0330: ret  #0x50001  ; ERRNO(1)
0331: jge  #0x400000d6  jt 0333 jf 0332
0332: ret  #0x7fff0000  ; ALLOW
0333: ret  #0x50026  ; ERRNO(38)
0334: jge  #0x400000e3  jt 0340 jf 0335
0335: jge  #0x400000de  jt 0337 jf 0336
0336: ret  #0x7fff0000  ; ALLOW
0337: jge  #0x400000df  jt 0339 jf 0338
0338: ret  #0x50026  ; ERRNO(38)
0339: ret  #0x7fff0000  ; ALLOW
0340: jge  #0x400000e4  jt 0342 jf 0341
0341: ret  #0x50001  ; ERRNO(1)
0342: jge  #0x400000ec  jt 0344 jf 0343
0343: ret  #0x7fff0000  ; ALLOW
0344: ret  #0x50026  ; ERRNO(38)
0345: jge  #0x400000fb  jt 0357 jf 0346
0346: jge  #0x400000f5  jt 0352 jf 0347
0347: jge  #0x400000f0  jt 0349 jf 0348
0348: ret  #0x50001  ; ERRNO(1)
0349: jge  #0x400000f4  jt 0351 jf 0350
0350: ret  #0x7fff0000  ; ALLOW
0351: ret  #0x50026  ; ERRNO(38)
0352: jge  #0x400000f6  jt 0354 jf 0353
0353: ret  #0x7fff0000  ; ALLOW
0354: jge  #0x400000f8  jt 0356 jf 0355
0355: ret  #0x50026  ; ERRNO(38)
0356: ret  #0x50001  ; ERRNO(1)
0357: jge  #0x40000110  jt 0363 jf 0358
0358: jge  #0x40000100  jt 0360 jf 0359
0359: ret  #0x7fff0000  ; ALLOW
0360: jge  #0x40000101  jt 0362 jf 0361
0361: ret  #0x50001  ; ERRNO(1)
0362: ret  #0x7fff0000  ; ALLOW
0363: jge  #0x40000111  jt 0365 jf 0364
0364: ret  #0x50001  ; ERRNO(1)
0365: jge  #0x40000113  jt 0367 jf 0366
0366: ret  #0x50026  ; ERRNO(38)
0367: ret  #0x7fff0000  ; ALLOW
0368: jge  #0x400001a9  jt 0414 jf 0369
0369: jge  #0x40000135  jt 0391 jf 0370
0370: jge  #0x4000012c  jt 0380 jf 0371
0371: jge  #0x40000127  jt 0375 jf 0372
0372: jge  #0x40000118  jt 0374 jf 0373
0373: ret  #0x50026  ; ERRNO(38)
0374: ret  #0x7fff0000  ; ALLOW
0375: jge  #0x4000012a  jt 0377 jf 0376
0376: ret  #0x50026  ; ERRNO(38)
0377: jge  #0x4000012b  jt 0379 jf 0378
0378: ret  #0x50001  ; ERRNO(1)
0379: ret  #0x50026  ; ERRNO(38)
0380: jge  #0x40000131  jt 0386 jf 0381
0381: jge  #0x4000012d  jt 0383 jf 0382
0382: ret  #0x50001  ; ERRNO(1)
0383: jge  #0x40000130  jt 0385 jf 0384
0384: ret  #0x7fff0000  ; ALLOW
0385: ret  #0x50001  ; ERRNO(1)
0386: jge  #0x40000133  jt 0388 jf 0387
0387: ret  #0x7fff0000  ; ALLOW
0388: jge  #0x40000134  jt 0390 jf 0389
0389: ret  #0x50026  ; ERRNO(38)
0390: ret  #0x50001  ; ERRNO(1)
0391: jge  #0x40000143  jt 0403 jf 0392
0392: jge  #0x4000013a  jt 0398 jf 0393
0393: jge  #0x40000136  jt 0395 jf 0394
0394: ret  #0x7fff0000  ; ALLOW
0395: jge  #0x40000138  jt 0397 jf 0396
0396: ret  #0x50026  ; ERRNO(38)
0397: ret  #0x50001  ; ERRNO(1)
0398: jge  #0x40000140  jt 0400 jf 0399
0399: ret  #0x7fff0000  ; ALLOW
0400: jge  #0x40000142  jt 0402 jf 0401
0401: ret  #0x50001  ; ERRNO(1)
0402: ret  #0x50026  ; ERRNO(38)
0403: jge  #0x40000149  jt 0409 jf 0404
0404: jge  #0x40000144  jt 0406 jf 0405
0405: ret  #0x50001  ; ERRNO(1)
0406: jge  #0x40000147  jt 0408 jf 0407
0407: ret  #0x7fff0000  ; ALLOW
0408: ret  #0x50026  ; ERRNO(38)
0409: jge  #0x4000014f  jt 0411 jf 0410
0410: ret  #0x7fff0000  ; ALLOW
0411: jge  #0x400001a8  jt 0413 jf 0412
0412: ret  #0x50026  ; ERRNO(38)
0413: ret  #0x7fff0000  ; ALLOW
0414: jge  #0x400001c3  jt 0436 jf 0415
0415: jge  #0x400001b7  jt 0425 jf 0416
0416: jge  #0x400001b3  jt 0420 jf 0417
0417: jge  #0x400001b2  jt 0419 jf 0418
0418: ret  #0x50001  ; ERRNO(1)
0419: ret  #0x7fff0000  ; ALLOW
0420: jge  #0x400001b4  jt 0422 jf 0421
0421: ret  #0x50026  ; ERRNO(38)
0422: jge  #0x400001b6  jt 0424 jf 0423
0423: ret  #0x7fff0000  ; ALLOW
0424: ret  #0x50001  ; ERRNO(1)
0425: jge  #0x400001ba  jt 0431 jf 0426
0426: jge  #0x400001b8  jt 0428 jf 0427
0427: ret  #0x7fff0000  ; ALLOW
0428: jge  #0x400001b9  jt 0430 jf 0429
0429: ret  #0x50001  ; ERRNO(1)
0430: ret  #0x7fff0000  ; ALLOW
0431: jge  #0x400001bc  jt 0433 jf 0432
0432: ret  #0x50001  ; ERRNO(1)
0433: jge  #0x400001c2  jt 0435 jf 0434
0434: ret  #0x7fff0000  ; ALLOW
0435: ret  #0x50001  ; ERRNO(1)
0436: jge  #0x40000200  jt 0448 jf 0437
0437: jge  #0x400001cb  jt 0443 jf 0438
0438: jge  #0x400001c5  jt 0440 jf 0439
0439: ret  #0x7fff0000  ; ALLOW
0440: jge  #0x400001c6  jt 0442 jf 0441
0441: ret  #0x50026  ; ERRNO(38)
0442: ret  #0x7fff0000  ; ALLOW
0443: jge  #0x400001ce  jt 0445 jf 0444
0444: ret  #0x50001  ; ERRNO(1)
0445: jge  #0x400001d3  jt 0447 jf 0446
0446: ret  #0x7fff0000  ; ALLOW
0447: ret  #0x50026  ; ERRNO(38)
0448: jge  #0x40000215  jt 0454 jf 0449
0449: jge  #0x40000210  jt 0451 jf 0450
0450: ret  #0x7fff0000  ; ALLOW
0451: jge  #0x40000211  jt 0453 jf 0452
0452: ret  #0x50001  ; ERRNO(1)
0453: ret  #0x7fff0000  ; ALLOW
0454: jge  #0x40000216  jt 0456 jf 0455
0455: ret  #0x50001  ; ERRNO(1)
0456: jge  #0x40000224  jt 0458 jf 0457
0457: ret  #0x7fff0000  ; ALLOW
0458: ret  #0x50026  ; ERRNO(38)
0459: ld   [0]  ; nr
0460: jge  #0xbe        jt 0611 jf 0461
0461: jge  #0x50        jt 0521 jf 0462
0462: jge  #0x30        jt 0492 jf 0463
0463: jge  #0x1c        jt 0477 jf 0464
0464: jge  #0x15        jt 0470 jf 0465
0465: jge  #0x11        jt 0467 jf 0466
0466: ret  #0x7fff0000  ; ALLOW
0467: jge  #0x13        jt 0469 jf 0468
0468: ret  #0x50001  ; ERRNO(1)
0469: ret  #0x7fff0000  ; ALLOW
0470: jge  #0x19        jt 0474 jf 0471
0471: jge  #0x17        jt 0473 jf 0472
0472: ret  #0x50001  ; ERRNO(1)
0473: ret  #0x7fff0000  ; ALLOW
0474: jge  #0x1a        jt 0476 jf 0475
0475: ret  #0x50001  ; ERRNO(1)
0476: ret  #0x7fff0000  ; ALLOW
0477: jge  #0x22        jt 0485 jf 0478
0478: jge  #0x1f        jt 0482 jf 0479
0479: jge  #0x1d        jt 0481 jf 0480
0480: ret  #0x50001  ; ERRNO(1)
0481: ret  #0x7fff0000  ; ALLOW
0482: jge  #0x21        jt 0484 jf 0483
0483: ret  #0x50001  ; ERRNO(1)
0484: ret  #0x7fff0000  ; ALLOW
0485: jge  #0x2c        jt 0489 jf 0486
0486: jge  #0x24        jt 0488 jf 0487
0487: ret  #0x50001  ; ERRNO(1)
0488: ret  #0x7fff0000  ; ALLOW
0489: jge  #0x2d        jt 0491 jf 0490
0490: ret  #0x50001  ; ERRNO(1)
0491: ret  #0x7fff0000  ; ALLOW
0492: jge  #0x3c        jt 0506 jf 0493
0493: jge  #0x36        jt 0499 jf 0494
0494: jge  #0x31        jt 0496 jf 0495
0495: ret  #0x50001  ; ERRNO(1)
0496: jge  #0x33        jt 0498 jf 0497
0497: ret  #0x7fff0000  ; ALLOW
0498: ret  #0x50001  ; ERRNO(1)
0499: jge  #0x39        jt 0503 jf 0500
0500: jge  #0x38        jt 0502 jf 0501
0501: ret  #0x7fff0000  ; ALLOW
0502: ret  #0x50001  ; ERRNO(1)
0503: jge  #0x3a        jt 0505 jf 0504
0504: ret  #0x7fff0000  ; ALLOW
0505: ret  #0x50001  ; ERRNO(1)
0506: jge  #0x46        jt 0514 jf 0507
0507: jge  #0x3f        jt 0511 jf 0508
0508: jge  #0x3e        jt 0510 jf 0509
0509: ret  #0x7fff0000  ; ALLOW
0510: ret  #0x50001  ; ERRNO(1)
0511: jge  #0x43        jt 0513 jf 0512
0512: ret  #0x7fff0000  ; ALLOW
0513: ret  #0x50001  ; ERRNO(1)
0514: jge  #0x4b        jt 0518 jf 0515
0515: jge  #0x48        jt 0517 jf 0516
0516: ret  #0x7fff0000  ; ALLOW
0517: ret  #0x50001  ; ERRNO(1)
0518: jge  #0x4f        jt 0520 jf 0519
0519: ret  #0x7fff0000  ; ALLOW
0520: ret  #0x50001  ; ERRNO(1)
0521: jge  #0x78        jt 0551 jf 0522
0522: jge  #0x65        jt 0536 jf 0523
0523: jge  #0x56        jt 0529 jf 0524
0524: jge  #0x54        jt 0526 jf 0525
0525: ret  #0x7fff0000  ; ALLOW
0526: jge  #0x55        jt 0528 jf 0527
0527: ret  #0x50001  ; ERRNO(1)
0528: ret  #0x7fff0000  ; ALLOW
0529: jge  #0x62        jt 0533 jf 0530
0530: jge  #0x5a        jt 0532 jf 0531
0531: ret  #0x50001  ; ERRNO(1)
0532: ret  #0x7fff0000  ; ALLOW
0533: jge  #0x63        jt 0535 jf 0534
0534: ret  #0x50001  ; ERRNO(1)
0535: ret  #0x7fff0000  ; ALLOW
0536: jge  #0x6d        jt 0544 jf 0537
0537: jge  #0x67        jt 0541 jf 0538
0538: jge  #0x66        jt 0540 jf 0539
0539: ret  #0x50001  ; ERRNO(1)
0540: ret  #0x7fff0000  ; ALLOW
0541: jge  #0x68        jt 0543 jf 0542
0542: ret  #0x50001  ; ERRNO(1)
0543: ret  #0x7fff0000  ; ALLOW
0544: jge  #0x73        jt 0548 jf 0545
0545: jge  #0x72        jt 0547 jf 0546
0546: ret  #0x50001  ; ERRNO(1)
0547: ret  #0x7fff0000  ; ALLOW
0548: jge  #0x74        jt 0550 jf 0549
0549: ret  #0x50001  ; ERRNO(1)
0550: ret  #0x7fff0000  ; ALLOW
0551: jge  #0x8a        jt 0596 jf 0552
0552: jge  #0x84        jt 0564 jf 0553
0553: jge  #0x7a        jt 0561 jf 0554
0554: jge  #0x79        jt 0560 jf 0555
0555: ld   [16]  ; args[0] (low)
0556: and  #0x7e020000
0557: jeq  #0x0         jt 0558 jf 0559
0558: ret  #0x7fff0000  ; ALLOW
0559: ret  #0x50001  ; ERRNO(1)
0560: ret  #0x50001  ; ERRNO(1)
0561: jge  #0x7f        jt 0563 jf 0562
0562: ret  #0x7fff0000  ; ALLOW
0563: ret  #0x50001  ; ERRNO(1)
0564: jge  #0x88        jt 0568 jf 0565
0565: jge  #0x86        jt 0567 jf 0566
0566: ret  #0x7fff0000  ; ALLOW
0567: ret  #0x50001  ; ERRNO(1)
0568: jge  #0x89        jt 0595 jf 0569
0569: ld   [20]  ; args[0] (high)
0570: jeq  #0x0         jt 0571 jf 0574
0571: ld   [16]  ; args[0] (low)
0572: jeq  #0x0         jt 0573 jf 0574
0573: ret  #0x7fff0000  ; ALLOW
0574: ld   [20]  ; args[0] (high)
0575: jeq  #0x0         jt 0576 jf 0579
0576: ld   [16]  ; args[0] (low)
0577: jeq  #0x8         jt 0578 jf 0579
0578: ret  #0x7fff0000  ; ALLOW
0579: ld   [20]  ; args[0] (high)
0580: jeq  #0x0         jt 0581 jf 0584
0581: ld   [16]  ; args[0] (low)
0582: jeq  #0x20000     jt 0583 jf 0584
0583: ret  #0x7fff0000  ; ALLOW
0584: ld   [20]  ; args[0] (high)
0585: jeq  #0x0         jt 0586 jf 0589
0586: ld   [16]  ; args[0] (low)
0587: jeq  #0x20008     jt 0588 jf 0589
0588: ret  #0x7fff0000  ; ALLOW
0589: ld   [20]  ; args[0] (high)
0590: jeq  #0x0         jt 0591 jf 0594
0591: ld   [16]  ; args[0] (low)
0592: jeq  #0xffffffff  jt 0593 jf 0594
0593: ret  #0x7fff0000  ; ALLOW
0594: ret  #0x50001  ; ERRNO(1)
0595: ret  #0x50001  ; ERRNO(1)
0596: jge  #0xa8        jt 0604 jf 0597
0597: jge  #0x96        jt 0601 jf 0598
0598: jge  #0x95        jt 0600 jf 0599
0599: ret  #0x7fff0000  ; ALLOW
0600: ret  #0x50001  ; ERRNO(1)
0601: jge  #0xa6        jt 0603 jf 0602
0602: ret  #0x7fff0000  ; ALLOW
0603: ret  #0x50001  ; ERRNO(1)
0604: jge  #0xaa        jt 0608 jf 0605
0605: jge  #0xa9        jt 0607 jf 0606
0606: ret  #0x7fff0000  ; ALLOW
0607: ret  #0x50001  ; ERRNO(1)
0608: jge  #0xbc        jt 0610 jf 0609
0609: ret  #0x7fff0000  ; ALLOW
0610: ret  #0x50001  ; ERRNO(1)
0611: jge  #0x15a       jt 0671 jf 0612
0612: jge  #0x11d       jt 0642 jf 0613
0613: jge  #0xfd        jt 0627 jf 0614
0614: jge  #0xde        jt 0620 jf 0615
0615: jge  #0xd9        jt 0617 jf 0616
0616: ret  #0x7fff0000  ; ALLOW
0617: jge  #0xda        jt 0619 jf 0618
0618: ret  #0x50001  ; ERRNO(1)
0619: ret  #0x7fff0000  ; ALLOW
0620: jge  #0xfb        jt 0624 jf 0621
0621: jge  #0xe0        jt 0623 jf 0622
0622: ret  #0x50026  ; ERRNO(38)
0623: ret  #0x7fff0000  ; ALLOW
0624: jge  #0xfc        jt 0626 jf 0625
0625: ret  #0x50026  ; ERRNO(38)
0626: ret  #0x7fff0000  ; ALLOW
0627: jge  #0x111       jt 0635 jf 0628
0628: jge  #0x108       jt 0632 jf 0629
0629: jge  #0xfe        jt 0631 jf 0630
0630: ret  #0x50001  ; ERRNO(1)
0631: ret  #0x7fff0000  ; ALLOW
0632: jge  #0x109       jt 0634 jf 0633
0633: ret  #0x50001  ; ERRNO(1)
0634: ret  #0x7fff0000  ; ALLOW
0635: jge  #0x11b       jt 0639 jf 0636
0636: jge  #0x115       jt 0638 jf 0637
0637: ret  #0x50001  ; ERRNO(1)
0638: ret  #0x7fff0000  ; ALLOW
0639: jge  #0x11c       jt 0641 jf 0640
0640: ret  #0x50001  ; ERRNO(1)
0641: ret  #0x7fff0000  ; ALLOW
0642: jge  #0x13d       jt 0656 jf 0643
0643: jge  #0x126       jt 0649 jf 0644
0644: jge  #0x11e       jt 0646 jf 0645
0645: ret  #0x50026  ; ERRNO(38)
0646: jge  #0x121       jt 0648 jf 0647
0647: ret  #0x50001  ; ERRNO(1)
0648: ret  #0x7fff0000  ; ALLOW
0649: jge  #0x136       jt 0653 jf 0650
0650: jge  #0x127       jt 0652 jf 0651
0651: ret  #0x50001  ; ERRNO(1)
0652: ret  #0x7fff0000  ; ALLOW
0653: jge  #0x137       jt 0655 jf 0654
0654: ret  #0x50001  ; ERRNO(1)
0655: ret  #0x7fff0000  ; ALLOW
0656: jge  #0x152       jt 0664 jf 0657
0657: jge  #0x150       jt 0661 jf 0658
0658: jge  #0x13e       jt 0660 jf 0659
0659: ret  #0x50001  ; ERRNO(1)
0660: ret  #0x7fff0000  ; ALLOW
0661: jge  #0x151       jt 0663 jf 0662
0662: ret  #0x50001  ; ERRNO(1)
0663: ret  #0x7fff0000  ; ALLOW
0664: jge  #0x156       jt 0668 jf 0665
0665: jge  #0x153       jt 0667 jf 0666
0666: ret  #0x50001  ; ERRNO(1)
0667: ret  #0x7fff0000  ; ALLOW
0668: jge  #0x157       jt 0670 jf 0669
0669: ret  #0x50001  ; ERRNO(1)
0670: ret  #0x7fff0000  ; ALLOW
0671: jge  #0x1a0       jt 0718 jf 0672
0672: jge  #0x168       jt 0703 jf 0673
0673: jge  #0x15f       jt 0679 jf 0674
0674: jge  #0x15b       jt 0676 jf 0675
0675: ret  #0x50001  ; ERRNO(1)
0676: jge  #0x15d       jt 0678 jf 0677
0677: ret  #0x7fff0000  ; ALLOW
0678: ret  #0x50001  ; ERRNO(1)
0679: jge  #0x166       jt 0683 jf 0680
0680: jge  #0x165       jt 0682 jf 0681
0681: ret  #0x7fff0000  ; ALLOW
0682: ret  #0x50001  ; ERRNO(1)
0683: jge  #0x167       jt 0685 jf 0684
0684: ret  #0x7fff0000  ; ALLOW
0685: ld   [20]  ; args[0] (high)
0686: jgt  #0x0         jt 0691 jf 0687
0687: jeq  #0x0         jt 0688 jf 0690
0688: ld   [16]  ; args[0] (low)
0689: jge  #0x26        jt 0691 jf 0690
0690: ret  #0x7fff0000  ; ALLOW
0691: ld   [20]  ; args[0] (high)
0692: jeq  #0x0         jt 0693 jf 0696
0693: ld   [16]  ; args[0] (low)
0694: jeq  #0x27        jt 0695 jf 0696
0695: ret  #0x7fff0000  ; ALLOW
0696: ld   [20]  ; args[0] (high)
0697: jgt  #0x0         jt 0701 jf 0698
0698: jeq  #0x0         jt 0699 jf 0702
0699: ld   [16]  ; args[0] (low)
0700: jgt  #0x28        jt 0701 jf 0702
0701: ret  #0x7fff0000  ; ALLOW
0702: ret  #0x50001  ; ERRNO(1)
0703: jge  #0x189       jt 0711 jf 0704
0704: jge  #0x177       jt 0708 jf 0705
0705: jge  #0x176       jt 0707 jf 0706
0706: ret  #0x7fff0000  ; ALLOW
0707: ret  #0x50001  ; ERRNO(1)
0708: jge  #0x183       jt 0710 jf 0709
0709: ret  #0x7fff0000  ; ALLOW
0710: ret  #0x50026  ; ERRNO(38)
0711: jge  #0x195       jt 0715 jf 0712
0712: jge  #0x194       jt 0714 jf 0713
0713: ret  #0x7fff0000  ; ALLOW
0714: ret  #0x50001  ; ERRNO(1)
0715: jge  #0x19f       jt 0717 jf 0716
0716: ret  #0x7fff0000  ; ALLOW
0717: ret  #0x50026  ; ERRNO(38)
0718: jge  #0x1b9       jt 0734 jf 0719
0719: jge  #0x1b4       jt 0727 jf 0720
0720: jge  #0x1b2       jt 0724 jf 0721
0721: jge  #0x1a9       jt 0723 jf 0722
0722: ret  #0x7fff0000  ; ALLOW
0723: ret  #0x50001  ; ERRNO(1)
0724: jge  #0x1b3       jt 0726 jf 0725
0725: ret  #0x7fff0000  ; ALLOW
0726: ret  #0x50026  ; ERRNO(38)
0727: jge  #0x1b7       jt 0731 jf 0728
0728: jge  #0x1b6       jt 0730 jf 0729
0729: ret  #0x7fff0000  ; ALLOW
0730: ret  #0x50001  ; ERRNO(1)
0731: jge  #0x1b8       jt 0733 jf 0732
0732: ret  #0x7fff0000  ; ALLOW
0733: ret  #0x50001  ; ERRNO(1)
0734: jge  #0x1c3       jt 0742 jf 0735
0735: jge  #0x1bc       jt 0739 jf 0736
0736: jge  #0x1ba       jt 0738 jf 0737
0737: ret  #0x7fff0000  ; ALLOW
0738: ret  #0x50001  ; ERRNO(1)
0739: jge  #0x1c2       jt 0741 jf 0740
0740: ret  #0x7fff0000  ; ALLOW
0741: ret  #0x50001  ; ERRNO(1)
0742: jge  #0x1ce       jt 0746 jf 0743
0743: jge  #0x1cb       jt 0745 jf 0744
0744: ret  #0x7fff0000  ; ALLOW
0745: ret  #0x50001  ; ERRNO(1)
0746: jge  #0x1d3       jt 0748 jf 0747
0747: ret  #0x7fff0000  ; ALLOW
0748: ret  #0x50026  ; ERRNO(38)
