0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0005 jf 0002
0002: jeq  #0x40000003  jt 0003 jf 0004
0003: ja   0455
0004: ret  #0x80000000  ; KILL_PROCESS
0005: ld   [0]  ; nr
0006: jge  #0x150       jt 0148 jf 0007
0007: jge  #0xa3        jt 0085 jf 0008
0008: jge  #0x67        jt 0037 jf 0009
0009: jge  #0x39        jt 0036 jf 0010
0010: jge  #0x29        jt 0012 jf 0011
0011: ret  #0x7fff0000  ; ALLOW
0012: jge  #0x2a        jt 0029 jf 0013
0013: ld   [20]  ; args[0] (high)
0014: jgt  #0x0         jt 0018 jf 0015
0015: ld   [16]  ; args[0] (low)
0016: jge  #0x26        jt 0018 jf 0017
0017: ret  #0x7fff0000  ; ALLOW
0018: ld   [20]  ; args[0] (high)
0019: jeq  #0x0         jt 0020 jf 0023
0020: ld   [16]  ; args[0] (low)
0021: jeq  #0x27        jt 0022 jf 0023
0022: ret  #0x7fff0000  ; ALLOW
0023: ld   [20]  ; args[0] (high)
0024: jgt  #0x0         jt 0027 jf 0025
0025: ld   [16]  ; args[0] (low)
0026: jgt  #0x28        jt 0027 jf 0028
0027: ret  #0x7fff0000  ; ALLOW
0028: ret  #0x50001  ; ERRNO(1)
0029: jge  #0x38        jt 0031 jf 0030
0030: ret  #0x7fff0000  ; ALLOW
0031: ld   [16]  ; args[0] (low)
0032: and  #0x7e020000
0033: jeq  #0x0         jt 0034 jf 0035
0034: ret  #0x7fff0000  ; ALLOW
0035: ret  #0x50001  ; ERRNO(1)
0036: ret  #0x7fff0000  ; ALLOW
0037: jge  #0x86        jt 0041 jf 0038
0038: jge  #0x68        jt 0040 jf 0039
0039: ret  #0x50001  ; ERRNO(1)
0040: ret  #0x7fff0000  ; ALLOW
0041: jge  #0x99        jt 0078 jf 0042
0042: jge  #0x8c        jt 0077 jf 0043
0043: jge  #0x89        jt 0074 jf 0044
0044: jge  #0x87        jt 0046 jf 0045
0045: ret  #0x50001  ; ERRNO(1)
0046: jge  #0x88        jt 0073 jf 0047
0047: ld   [20]  ; args[0] (high)
0048: jeq  #0x0         jt 0049 jf 0052
0049: ld   [16]  ; args[0] (low)
0050: jeq  #0x0         jt 0051 jf 0052
0051: ret  #0x7fff0000  ; ALLOW
0052: ld   [20]  ; args[0] (high)
0053: jeq  #0x0         jt 0054 jf 0057
0054: ld   [16]  ; args[0] (low)
0055: jeq  #0x8         jt 0056 jf 0057
0056: ret  #0x7fff0000  ; ALLOW
0057: ld   [20]  ; args[0] (high)
0058: jeq  #0x0         jt 0059 jf 0062
0059: ld   [16]  ; args[0] (low)
0060: jeq  #0x20000     jt 0061 jf 0062
0061: ret  #0x7fff0000  ; ALLOW
0062: ld   [20]  ; args[0] (high)
0063: jeq  #0x0         jt 0064 jf 0067
0064: ld   [16]  ; args[0] (low)
0065: jeq  #0x20008     jt 0066 jf 0067
0066: ret  #0x7fff0000  ; ALLOW
0067: ld   [20]  ; args[0] (high)
0068: jeq  #0x0         jt 0069 jf 0072
0069: ld   [16]  ; args[0] (low)
0070: jeq  #0xffffffff  jt 0071 jf 0072
0071: ret  #0x7fff0000  ; ALLOW
0072: ret  #0x50001  ; ERRNO(1)
0073: ret  #0x50001  ; ERRNO(1)
0074: jge  #0x8b        jt 0076 jf 0075
0075: ret  #0x7fff0000  ; ALLOW
0076: ret  #0x50001  ; ERRNO(1)
0077: ret  #0x7fff0000  ; ALLOW
0078: jge  #0x9d        jt 0084 jf 0079
0079: jge  #0x9b        jt 0083 jf 0080
0080: jge  #0x9a        jt 0082 jf 0081
0081: ret  #0x50001  ; ERRNO(1)
0082: ret  #0x7fff0000  ; ALLOW
0083: ret  #0x50001  ; ERRNO(1)
0084: ret  #0x7fff0000  ; ALLOW
0085: jge  #0x101       jt 0111 jf 0086
0086: jge  #0xd4        jt 0090 jf 0087
0087: jge  #0xba        jt 0089 jf 0088
0088: ret  #0x50001  ; ERRNO(1)
0089: ret  #0x7fff0000  ; ALLOW
0090: jge  #0xec        jt 0098 jf 0091
0091: jge  #0xe3        jt 0095 jf 0092
0092: jge  #0xd5        jt 0094 jf 0093
0093: ret  #0x50001  ; ERRNO(1)
0094: ret  #0x7fff0000  ; ALLOW
0095: jge  #0xe4        jt 0097 jf 0096
0096: ret  #0x50001  ; ERRNO(1)
0097: ret  #0x7fff0000  ; ALLOW
0098: jge  #0xf6        jt 0102 jf 0099
0099: jge  #0xf0        jt 0101 jf 0100
0100: ret  #0x50001  ; ERRNO(1)
0101: ret  #0x7fff0000  ; ALLOW
0102: jge  #0xfb        jt 0108 jf 0103
0103: jge  #0xf8        jt 0107 jf 0104
0104: jge  #0xf7        jt 0106 jf 0105
0105: ret  #0x50001  ; ERRNO(1)
0106: ret  #0x7fff0000  ; ALLOW
0107: ret  #0x50001  ; ERRNO(1)
0108: jge  #0x100       jt 0110 jf 0109
0109: ret  #0x7fff0000  ; ALLOW
0110: ret  #0x50001  ; ERRNO(1)
0111: jge  #0x12a       jt 0121 jf 0112
0112: jge  #0x118       jt 0120 jf 0113
0113: jge  #0x110       jt 0115 jf 0114
0114: ret  #0x7fff0000  ; ALLOW
0115: jge  #0x111       jt 0117 jf 0116
0116: ret  #0x50001  ; ERRNO(1)
0117: jge  #0x117       jt 0119 jf 0118
0118: ret  #0x7fff0000  ; ALLOW
0119: ret  #0x50001  ; ERRNO(1)
0120: ret  #0x7fff0000  ; ALLOW
0121: jge  #0x13a       jt 0139 jf 0122
0122: jge  #0x131       jt 0132 jf 0123
0123: jge  #0x12d       jt 0129 jf 0124
0124: jge  #0x12b       jt 0126 jf 0125
0125: ret  #0x50001  ; ERRNO(1)
0126: jge  #0x12c       jt 0128 jf 0127
0127: ret  #0x7fff0000  ; ALLOW
0128: ret  #0x50001  ; ERRNO(1)
0129: jge  #0x130       jt 0131 jf 0130
0130: ret  #0x7fff0000  ; ALLOW
0131: ret  #0x50001  ; ERRNO(1)
0132: jge  #0x135       jt 0136 jf 0133
0133: jge  #0x134       jt 0135 jf 0134
0134: ret  #0x7fff0000  ; ALLOW
0135: ret  #0x50001  ; ERRNO(1)
0136: jge  #0x138       jt 0138 jf 0137
0137: ret  #0x7fff0000  ; ALLOW
0138: ret  #0x50001  ; ERRNO(1)
0139: jge  #0x144       jt 0147 jf 0140
0140: jge  #0x140       jt 0142 jf 0141
0141: ret  #0x7fff0000  ; ALLOW
0142: jge  #0x142       jt 0144 jf 0143
0143: ret  #0x50001  ; ERRNO(1)
0144: jge  #0x143       jt 0146 jf 0145
0145: ret  #0x7fff0000  ; ALLOW
0146: ret  #0x50001  ; ERRNO(1)
0147: ret  #0x7fff0000  ; ALLOW
0148: jge  #0x40000000  jt 0182 jf 0149
0149: jge  #0x1a8       jt 0151 jf 0150
0150: ret  #0x50026  ; ERRNO(38)
0151: jge  #0x1d3       jt 0181 jf 0152
0152: jge  #0x1bc       jt 0172 jf 0153
0153: jge  #0x1b2       jt 0157 jf 0154
0154: jge  #0x1a9       jt 0156 jf 0155
0155: ret  #0x7fff0000  ; ALLOW
0156: ret  #0x50001  ; ERRNO(1)
0157: jge  #0x1b6       jt 0163 jf 0158
0158: jge  #0x1b4       jt 0162 jf 0159
0159: jge  #0x1b3       jt 0161 jf 0160
0160: ret  #0x7fff0000  ; ALLOW
0161: ret  #0x50026  ; ERRNO(38)
0162: ret  #0x7fff0000  ; ALLOW
0163: jge  #0x1b8       jt 0167 jf 0164
0164: jge  #0x1b7       jt 0166 jf 0165
0165: ret  #0x50001  ; ERRNO(1)
0166: ret  #0x7fff0000  ; ALLOW
0167: jge  #0x1ba       jt 0171 jf 0168
0168: jge  #0x1b9       jt 0170 jf 0169
0169: ret  #0x50001  ; ERRNO(1)
0170: ret  #0x7fff0000  ; ALLOW
0171: ret  #0x50001  ; ERRNO(1)
0172: jge  #0x1cb       jt 0178 jf 0173
0173: jge  #0x1c3       jt 0177 jf 0174
0174: jge  #0x1c2       jt 0176 jf 0175
0175: ret  #0x7fff0000  ; ALLOW
0176: ret  #0x50001  ; ERRNO(1)
0177: ret  #0x7fff0000  ; ALLOW
0178: jge  #0x1ce       jt 0180 jf 0179
0179: ret  #0x50001  ; ERRNO(1)
0180: ret  #0x7fff0000  ; ALLOW
0181: ret  #0x50026  ; ERRNO(38)
0182: jge  #0x400000d8  jt 0328 jf 0183
0183: jge  #0x40000068  jt 0240 jf 0184
0184: jge  #0x4000002a  jt 0215 jf 0185
0185: jge  #0x40000011  jt 0193 jf 0186
0186: jge  #0x4000000e  jt 0190 jf 0187
0187: jge  #0x4000000d  jt 0189 jf 0188
0188: ret  #0x7fff0000  ; ALLOW
0189: ret  #0x50026  ; ERRNO(38)
0190: jge  #0x4000000f  jt 0192 jf 0191
0191: ret  #0x7fff0000  ; ALLOW
0192: ret  #0x50026  ; ERRNO(38)
0193: jge  #0x40000015  jt 0197 jf 0194
0194: jge  #0x40000013  jt 0196 jf 0195
0195: ret  #0x7fff0000  ; ALLOW
0196: ret  #0x50026  ; ERRNO(38)
0197: jge  #0x40000029  jt 0199 jf 0198
0198: ret  #0x7fff0000  ; ALLOW
0199: ld   [20]  ; args[0] (high)
0200: jgt  #0x0         jt 0204 jf 0201
0201: ld   [16]  ; args[0] (low)
0202: jge  #0x26        jt 0204 jf 0203
0203: ret  #0x7fff0000  ; ALLOW
0204: ld   [20]  ; args[0] (high)
0205: jeq  #0x0         jt 0206 jf 0209
0206: ld   [16]  ; args[0] (low)
0207: jeq  #0x27        jt 0208 jf 0209
0208: ret  #0x7fff0000  ; ALLOW
0209: ld   [20]  ; args[0] (high)
0210: jgt  #0x0         jt 0213 jf 0211
0211: ld   [16]  ; args[0] (low)
0212: jgt  #0x28        jt 0213 jf 0214
0213: ret  #0x7fff0000  ; ALLOW
0214: ret  #0x50001  ; ERRNO(1)
0215: jge  #0x40000038  jt 0223 jf 0216
0216: jge  #0x40000030  jt 0220 jf 0217
0217: jge  #0x4000002d  jt 0219 jf 0218
0218: ret  #0x7fff0000  ; ALLOW
0219: ret  #0x50026  ; ERRNO(38)
0220: jge  #0x40000036  jt 0222 jf 0221
0221: ret  #0x7fff0000  ; ALLOW
0222: ret  #0x50026  ; ERRNO(38)
0223: jge  #0x4000003c  jt 0233 jf 0224
0224: jge  #0x40000039  jt 0230 jf 0225
0225: ld   [16]  ; args[0] (low)
0226: and  #0x7e020000
0227: jeq  #0x0         jt 0228 jf 0229
0228: ret  #0x7fff0000  ; ALLOW
0229: ret  #0x50001  ; ERRNO(1)
0230: jge  #0x4000003b  jt 0232 jf 0231
0231: ret  #0x7fff0000  ; ALLOW
0232: ret  #0x50026  ; ERRNO(38)
0233: jge  #0x40000066  jt 0237 jf 0234
0234: jge  #0x40000065  jt 0236 jf 0235
0235: ret  #0x7fff0000  ; ALLOW
0236: ret  #0x50026  ; ERRNO(38)
0237: jge  #0x40000067  jt 0239 jf 0238
0238: ret  #0x7fff0000  ; ALLOW
0239: ret  #0x50001  ; ERRNO(1)
0240: jge  #0x400000a3  jt 0297 jf 0241
0241: jge  #0x40000089  jt 0282 jf 0242
0242: jge  #0x40000084  jt 0250 jf 0243
0243: jge  #0x40000082  jt 0247 jf 0244
0244: jge  #0x4000007f  jt 0246 jf 0245
0245: ret  #0x7fff0000  ; ALLOW
0246: ret  #0x50026  ; ERRNO(38)
0247: jge  #0x40000083  jt 0249 jf 0248
0248: ret  #0x7fff0000  ; ALLOW
0249: ret  #0x50026  ; ERRNO(38)
0250: jge  #0x40000087  jt 0254 jf 0251
0251: jge  #0x40000086  jt 0253 jf 0252
0252: ret  #0x7fff0000  ; ALLOW
0253: ret  #0x50026  ; ERRNO(38)
0254: jge  #0x40000088  jt 0281 jf 0255
0255: ld   [20]  ; args[0] (high)
0256: jeq  #0x0         jt 0257 jf 0260
0257: ld   [16]  ; args[0] (low)
0258: jeq  #0x0         jt 0259 jf 0260
0259: ret  #0x7fff0000  ; ALLOW
0260: ld   [20]  ; args[0] (high)
0261: jeq  #0x0         jt 0262 jf 0265
0262: ld   [16]  ; args[0] (low)
0263: jeq  #0x8         jt 0264 jf 0265
0264: ret  #0x7fff0000  ; ALLOW
0265: ld   [20]  ; args[0] (high)
0266: jeq  #0x0         jt 0267 jf 0270
0267: ld   [16]  ; args[0] (low)
0268: jeq  #0x20000     jt 0269 jf 0270
0269: ret  #0x7fff0000  ; ALLOW
0270: ld   [20]  ; args[0] (high)
0271: jeq  #0x0         jt 0272 jf 0275
0272: ld   [16]  ; args[0] (low)
0273: jeq  #0x20008     jt 0274 jf 0275
0274: ret  #0x7fff0000  ; ALLOW
0275: ld   [20]  ; args[0] (high)
0276: jeq  #0x0         jt 0277 jf 0280
0277: ld   [16]  ; args[0] (low)
0278: jeq  #0xffffffff  jt 0279 jf 0280
0279: ret  #0x7fff0000  ; ALLOW
0280: ret  #0x50001  ; ERRNO(1)
0281: ret  #0x50001  ; ERRNO(1)
0282: jge  #0x4000009a  jt 0290 jf 0283
0283: jge  #0x4000008c  jt 0287 jf 0284
0284: jge  #0x4000008b  jt 0286 jf 0285
0285: ret  #0x7fff0000  ; ALLOW
0286: ret  #0x50001  ; ERRNO(1)
0287: jge  #0x40000099  jt 0289 jf 0288
0288: ret  #0x7fff0000  ; ALLOW
0289: ret  #0x50001  ; ERRNO(1)
0290: jge  #0x4000009c  jt 0294 jf 0291
0291: jge  #0x4000009b  jt 0293 jf 0292
0292: ret  #0x7fff0000  ; ALLOW
0293: ret  #0x50001  ; ERRNO(1)
0294: jge  #0x4000009d  jt 0296 jf 0295
0295: ret  #0x50026  ; ERRNO(38)
0296: ret  #0x7fff0000  ; ALLOW
0297: jge  #0x400000cd  jt 0313 jf 0298
0298: jge  #0x400000b3  jt 0306 jf 0299
0299: jge  #0x400000af  jt 0303 jf 0300
0300: jge  #0x400000ae  jt 0302 jf 0301
0301: ret  #0x50001  ; ERRNO(1)
0302: ret  #0x50026  ; ERRNO(38)
0303: jge  #0x400000b1  jt 0305 jf 0304
0304: ret  #0x50001  ; ERRNO(1)
0305: ret  #0x50026  ; ERRNO(38)
0306: jge  #0x400000b5  jt 0310 jf 0307
0307: jge  #0x400000b4  jt 0309 jf 0308
0308: ret  #0x50001  ; ERRNO(1)
0309: ret  #0x50026  ; ERRNO(38)
0310: jge  #0x400000ba  jt 0312 jf 0311
0311: ret  #0x50001  ; ERRNO(1)
0312: ret  #0x7fff0000  ; ALLOW
0313: jge  #0x400000d3  jt 0321 jf 0314
0314: jge  #0x400000d1  jt 0318 jf 0315
0315: jge  #0x400000cf  jt 0317 jf 0316
0316: ret  #0x50026  ; ERRNO(38)
0317: ret  #0x7fff0000  ; ALLOW
0318: jge  #0x400000d2  jt 0320 jf 0319
0319: ret  #0x50026  ; ERRNO(38)
0320: ret  #0x7fff0000  ; ALLOW
0321: jge  #0x400000d5  jt 0325 jf 0322
0322: jge  #0x400000d4  jt 0324 jf 0323
0323: ret  #0x50026  ; ERRNO(38)
0324: ret  #0x50001  ; ERRNO(1)
0325: jge  #0x400000d6  jt 0327 jf 0326
0326: ret  #0x7fff0000  ; ALLOW
0327: ret  #0x50026  ; ERRNO(38)
0328: jge  #0x4000013a  jt 0392 jf 0329
0329: jge  #0x40000111  jt 0361 jf 0330
0330: jge  #0x400000f4  jt 0346 jf 0331
0331: jge  #0x400000e4  jt 0339 jf 0332
0332: jge  #0x400000df  jt 0336 jf 0333
0333: jge  #0x400000de  jt 0335 jf 0334
0334: ret  #0x7fff0000  ; ALLOW
0335: ret  #0x50026  ; ERRNO(38)
0336: jge  #0x400000e3  jt 0338 jf 0337
0337: ret  #0x7fff0000  ; ALLOW
0338: ret  #0x50001  ; ERRNO(1)
0339: jge  #0x400000ed  jt 0343 jf 0340
0340: jge  #0x400000ec  jt 0342 jf 0341
0341: ret  #0x7fff0000  ; ALLOW
0342: ret  #0x50026  ; ERRNO(38)
0343: jge  #0x400000f0  jt 0345 jf 0344
0344: ret  #0x50001  ; ERRNO(1)
0345: ret  #0x7fff0000  ; ALLOW
0346: jge  #0x400000fb  jt 0354 jf 0347
0347: jge  #0x400000f6  jt 0351 jf 0348
0348: jge  #0x400000f5  jt 0350 jf 0349
0349: ret  #0x50026  ; ERRNO(38)
0350: ret  #0x7fff0000  ; ALLOW
0351: jge  #0x400000f8  jt 0353 jf 0352
0352: ret  #0x50026  ; ERRNO(38)
0353: ret  #0x50001  ; ERRNO(1)
0354: jge  #0x40000101  jt 0358 jf 0355
0355: jge  #0x40000100  jt 0357 jf 0356
0356: ret  #0x7fff0000  ; ALLOW
0357: ret  #0x50001  ; ERRNO(1)
0358: jge  #0x40000110  jt 0360 jf 0359
0359: ret  #0x7fff0000  ; ALLOW
0360: ret  #0x50001  ; ERRNO(1)
0361: jge  #0x4000012d  jt 0377 jf 0362
0362: jge  #0x40000127  jt 0370 jf 0363
0363: jge  #0x40000116  jt 0367 jf 0364
0364: jge  #0x40000113  jt 0366 jf 0365
0365: ret  #0x50026  ; ERRNO(38)
0366: ret  #0x7fff0000  ; ALLOW
0367: jge  #0x40000118  jt 0369 jf 0368
0368: ret  #0x50026  ; ERRNO(38)
0369: ret  #0x7fff0000  ; ALLOW
0370: jge  #0x4000012b  jt 0374 jf 0371
0371: jge  #0x4000012a  jt 0373 jf 0372
0372: ret  #0x50026  ; ERRNO(38)
0373: ret  #0x50001  ; ERRNO(1)
0374: jge  #0x4000012c  jt 0376 jf 0375
0375: ret  #0x50026  ; ERRNO(38)
0376: ret  #0x50001  ; ERRNO(1)
0377: jge  #0x40000134  jt 0385 jf 0378
0378: jge  #0x40000131  jt 0382 jf 0379
0379: jge  #0x40000130  jt 0381 jf 0380
0380: ret  #0x7fff0000  ; ALLOW
0381: ret  #0x50001  ; ERRNO(1)
0382: jge  #0x40000133  jt 0384 jf 0383
0383: ret  #0x7fff0000  ; ALLOW
0384: ret  #0x50026  ; ERRNO(38)
0385: jge  #0x40000136  jt 0389 jf 0386
0386: jge  #0x40000135  jt 0388 jf 0387
0387: ret  #0x50001  ; ERRNO(1)
0388: ret  #0x7fff0000  ; ALLOW
0389: jge  #0x40000138  jt 0391 jf 0390
0390: ret  #0x50026  ; ERRNO(38)
0391: ret  #0x50001  ; ERRNO(1)
0392: jge  #0x400001b9  jt 0424 jf 0393
0393: jge  #0x400001a8  jt 0409 jf 0394
0394: jge  #0x40000144  jt 0402 jf 0395
0395: jge  #0x40000142  jt 0399 jf 0396
0396: jge  #0x40000140  jt 0398 jf 0397
0397: ret  #0x7fff0000  ; ALLOW
0398: ret  #0x50001  ; ERRNO(1)
0399: jge  #0x40000143  jt 0401 jf 0400
0400: ret  #0x50026  ; ERRNO(38)
0401: ret  #0x50001  ; ERRNO(1)
0402: jge  #0x40000149  jt 0406 jf 0403
0403: jge  #0x40000147  jt 0405 jf 0404
0404: ret  #0x7fff0000  ; ALLOW
0405: ret  #0x50026  ; ERRNO(38)
0406: jge  #0x4000014f  jt 0408 jf 0407
0407: ret  #0x7fff0000  ; ALLOW
0408: ret  #0x50026  ; ERRNO(38)
0409: jge  #0x400001b4  jt 0417 jf 0410
0410: jge  #0x400001b2  jt 0414 jf 0411
0411: jge  #0x400001a9  jt 0413 jf 0412
0412: ret  #0x7fff0000  ; ALLOW
0413: ret  #0x50001  ; ERRNO(1)
0414: jge  #0x400001b3  jt 0416 jf 0415
0415: ret  #0x7fff0000  ; ALLOW
0416: ret  #0x50026  ; ERRNO(38)
0417: jge  #0x400001b7  jt 0421 jf 0418
0418: jge  #0x400001b6  jt 0420 jf 0419
0419: ret  #0x7fff0000  ; ALLOW
0420: ret  #0x50001  ; ERRNO(1)
0421: jge  #0x400001b8  jt 0423 jf 0422
0422: ret  #0x7fff0000  ; ALLOW
0423: ret  #0x50001  ; ERRNO(1)
0424: jge  #0x400001ce  jt 0440 jf 0425
0425: jge  #0x400001c3  jt 0433 jf 0426
0426: jge  #0x400001bc  jt 0430 jf 0427
0427: jge  #0x400001ba  jt 0429 jf 0428
0428: ret  #0x7fff0000  ; ALLOW
0429: ret  #0x50001  ; ERRNO(1)
0430: jge  #0x400001c2  jt 0432 jf 0431
0431: ret  #0x7fff0000  ; ALLOW
0432: ret  #0x50001  ; ERRNO(1)
0433: jge  #0x400001c6  jt 0437 jf 0434
0434: jge  #0x400001c5  jt 0436 jf 0435
0435: ret  #0x7fff0000  ; ALLOW
0436: ret  #0x50026  ; ERRNO(38)
0437: jge  #0x400001cb  jt 0439 jf 0438
0438: ret  #0x7fff0000  ; ALLOW
0439: ret  #0x50001  ; ERRNO(1)
0440: jge  #0x40000211  jt 0448 jf 0441
0441: jge  #0x40000200  jt 0445 jf 0442
0442: jge  #0x400001d3  jt 0444 jf 0443
0443: ret  #0x7fff0000  ; ALLOW
0444: ret  #0x50026  ; ERRNO(38)
0445: jge  #0x40000210  jt 0447 jf 0446
0446: ret  #0x7fff0000  ; ALLOW
0447: ret  #0x50001  ; ERRNO(1)
0448: jge  #0x40000216  jt 0452 jf 0449
0449: jge  #0x40000215  jt 0451 jf 0450
0450: ret  #0x7fff0000  ; ALLOW
0451: ret  #0x50001  ; ERRNO(1)
0452: jge  #0x40000224  jt 0454 jf 0453
0453: ret  #0x7fff0000  ; ALLOW
0454: ret  #0x50026  ; ERRNO(38)
0455: ld   [0]  ; nr
0456: jge  #0xfb        jt 0617 jf 0457
0457: jge  #0x78        jt 0547 jf 0458
0458: jge  #0x3a        jt 0500 jf 0459
0459: jge  #0x1d        jt 0475 jf 0460
0460: jge  #0x11        jt 0462 jf 0461
0461: ret  #0x7fff0000  ; ALLOW
0462: jge  #0x17        jt 0468 jf 0463
0463: jge  #0x13        jt 0465 jf 0464
0464: ret  #0x50001  ; ERRNO(1)
0465: jge  #0x15        jt 0467 jf 0466
0466: ret  #0x7fff0000  ; ALLOW
0467: ret  #0x50001  ; ERRNO(1)
0468: jge  #0x1a        jt 0472 jf 0469
0469: jge  #0x19        jt 0471 jf 0470
0470: ret  #0x7fff0000  ; ALLOW
0471: ret  #0x50001  ; ERRNO(1)
0472: jge  #0x1c        jt 0474 jf 0473
0473: ret  #0x7fff0000  ; ALLOW
0474: ret  #0x50001  ; ERRNO(1)
0475: jge  #0x2c        jt 0485 jf 0476
0476: jge  #0x24        jt 0484 jf 0477
0477: jge  #0x21        jt 0481 jf 0478
0478: jge  #0x1f        jt 0480 jf 0479
0479: ret  #0x7fff0000  ; ALLOW
0480: ret  #0x50001  ; ERRNO(1)
0481: jge  #0x22        jt 0483 jf 0482
0482: ret  #0x7fff0000  ; ALLOW
0483: ret  #0x50001  ; ERRNO(1)
0484: ret  #0x7fff0000  ; ALLOW
0485: jge  #0x33        jt 0493 jf 0486
0486: jge  #0x30        jt 0490 jf 0487
0487: jge  #0x2d        jt 0489 jf 0488
0488: ret  #0x50001  ; ERRNO(1)
0489: ret  #0x7fff0000  ; ALLOW
0490: jge  #0x31        jt 0492 jf 0491
0491: ret  #0x50001  ; ERRNO(1)
0492: ret  #0x7fff0000  ; ALLOW
0493: jge  #0x36        jt 0495 jf 0494
0494: ret  #0x50001  ; ERRNO(1)
0495: jge  #0x38        jt 0497 jf 0496
0496: ret  #0x7fff0000  ; ALLOW
0497: jge  #0x39        jt 0499 jf 0498
0498: ret  #0x50001  ; ERRNO(1)
0499: ret  #0x7fff0000  ; ALLOW
0500: jge  #0x5a        jt 0526 jf 0501
0501: jge  #0x4b        jt 0515 jf 0502
0502: jge  #0x43        jt 0510 jf 0503
0503: jge  #0x3f        jt 0509 jf 0504
0504: jge  #0x3c        jt 0506 jf 0505
0505: ret  #0x50001  ; ERRNO(1)
0506: jge  #0x3e        jt 0508 jf 0507
0507: ret  #0x7fff0000  ; ALLOW
0508: ret  #0x50001  ; ERRNO(1)
0509: ret  #0x7fff0000  ; ALLOW
0510: jge  #0x46        jt 0512 jf 0511
0511: ret  #0x50001  ; ERRNO(1)
0512: jge  #0x48        jt 0514 jf 0513
0513: ret  #0x7fff0000  ; ALLOW
0514: ret  #0x50001  ; ERRNO(1)
0515: jge  #0x54        jt 0521 jf 0516
0516: jge  #0x4f        jt 0518 jf 0517
0517: ret  #0x7fff0000  ; ALLOW
0518: jge  #0x50        jt 0520 jf 0519
0519: ret  #0x50001  ; ERRNO(1)
0520: ret  #0x7fff0000  ; ALLOW
0521: jge  #0x56        jt 0525 jf 0522
0522: jge  #0x55        jt 0524 jf 0523
0523: ret  #0x50001  ; ERRNO(1)
0524: ret  #0x7fff0000  ; ALLOW
0525: ret  #0x50001  ; ERRNO(1)
0526: jge  #0x68        jt 0538 jf 0527
0527: jge  #0x62        jt 0529 jf 0528
0528: ret  #0x7fff0000  ; ALLOW
0529: jge  #0x65        jt 0533 jf 0530
0530: jge  #0x63        jt 0532 jf 0531
0531: ret  #0x50001  ; ERRNO(1)
0532: ret  #0x7fff0000  ; ALLOW
0533: jge  #0x66        jt 0535 jf 0534
0534: ret  #0x50001  ; ERRNO(1)
0535: jge  #0x67        jt 0537 jf 0536
0536: ret  #0x7fff0000  ; ALLOW
0537: ret  #0x50001  ; ERRNO(1)
0538: jge  #0x72        jt 0542 jf 0539
0539: jge  #0x6d        jt 0541 jf 0540
0540: ret  #0x7fff0000  ; ALLOW
0541: ret  #0x50001  ; ERRNO(1)
0542: jge  #0x74        jt 0546 jf 0543
0543: jge  #0x73        jt 0545 jf 0544
0544: ret  #0x7fff0000  ; ALLOW
0545: ret  #0x50001  ; ERRNO(1)
0546: ret  #0x7fff0000  ; ALLOW
0547: jge  #0xbe        jt 0608 jf 0548
0548: jge  #0x96        jt 0597 jf 0549
0549: jge  #0x8a        jt 0594 jf 0550
0550: jge  #0x7f        jt 0560 jf 0551
0551: jge  #0x7a        jt 0559 jf 0552
0552: jge  #0x79        jt 0558 jf 0553
0553: ld   [16]  ; args[0] (low)
0554: and  #0x7e020000
0555: jeq  #0x0         jt 0556 jf 0557
0556: ret  #0x7fff0000  ; ALLOW
0557: ret  #0x50001  ; ERRNO(1)
0558: ret  #0x50001  ; ERRNO(1)
0559: ret  #0x7fff0000  ; ALLOW
0560: jge  #0x84        jt 0562 jf 0561
0561: ret  #0x50001  ; ERRNO(1)
0562: jge  #0x86        jt 0564 jf 0563
0563: ret  #0x7fff0000  ; ALLOW
0564: jge  #0x88        jt 0566 jf 0565
0565: ret  #0x50001  ; ERRNO(1)
0566: jge  #0x89        jt 0593 jf 0567
0567: ld   [20]  ; args[0] (high)
0568: jeq  #0x0         jt 0569 jf 0572
0569: ld   [16]  ; args[0] (low)
0570: jeq  #0x0         jt 0571 jf 0572
0571: ret  #0x7fff0000  ; ALLOW
0572: ld   [20]  ; args[0] (high)
0573: jeq  #0x0         jt 0574 jf 0577
0574: ld   [16]  ; args[0] (low)
0575: jeq  #0x8         jt 0576 jf 0577
0576: ret  #0x7fff0000  ; ALLOW
0577: ld   [20]  ; args[0] (high)
0578: jeq  #0x0         jt 0579 jf 0582
0579: ld   [16]  ; args[0] (low)
0580: jeq  #0x20000     jt 0581 jf 0582
0581: ret  #0x7fff0000  ; ALLOW
0582: ld   [20]  ; args[0] (high)
0583: jeq  #0x0         jt 0584 jf 0587
0584: ld   [16]  ; args[0] (low)
0585: jeq  #0x20008     jt 0586 jf 0587
0586: ret  #0x7fff0000  ; ALLOW
0587: ld   [20]  ; args[0] (high)
0588: jeq  #0x0         jt 0589 jf 0592
0589: ld   [16]  ; args[0] (low)
0590: jeq  #0xffffffff  jt 0591 jf 0592
0591: ret  #0x7fff0000  ; ALLOW
0592: ret  #0x50001  ; ERRNO(1)
0593: ret  #0x50001  ; ERRNO(1)
0594: jge  #0x95        jt 0596 jf 0595
0595: ret  #0x7fff0000  ; ALLOW
0596: ret  #0x50001  ; ERRNO(1)
0597: jge  #0xaa        jt 0605 jf 0598
0598: jge  #0xa6        jt 0600 jf 0599
0599: ret  #0x7fff0000  ; ALLOW
0600: jge  #0xa8        jt 0602 jf 0601
0601: ret  #0x50001  ; ERRNO(1)
0602: jge  #0xa9        jt 0604 jf 0603
0603: ret  #0x7fff0000  ; ALLOW
0604: ret  #0x50001  ; ERRNO(1)
0605: jge  #0xbc        jt 0607 jf 0606
0606: ret  #0x7fff0000  ; ALLOW
0607: ret  #0x50001  ; ERRNO(1)
0608: jge  #0xd9        jt 0610 jf 0609
0609: ret  #0x7fff0000  ; ALLOW
0610: jge  #0xe0        jt 0616 jf 0611
0611: jge  #0xde        jt 0615 jf 0612
0612: jge  #0xda        jt 0614 jf 0613
0613: ret  #0x50001  ; ERRNO(1)
0614: ret  #0x7fff0000  ; ALLOW
0615: ret  #0x50026  ; ERRNO(38)
0616: ret  #0x7fff0000  ; ALLOW
0617: jge  #0x189       jt 0704 jf 0618
0618: jge  #0x13e       jt 0654 jf 0619
0619: jge  #0x11b       jt 0635 jf 0620
0620: jge  #0x108       jt 0628 jf 0621
0621: jge  #0xfe        jt 0627 jf 0622
0622: jge  #0xfc        jt 0624 jf 0623
0623: ret  #0x50026  ; ERRNO(38)
0624: jge  #0xfd        jt 0626 jf 0625
0625: ret  #0x7fff0000  ; ALLOW
0626: ret  #0x50001  ; ERRNO(1)
0627: ret  #0x7fff0000  ; ALLOW
0628: jge  #0x111       jt 0632 jf 0629
0629: jge  #0x109       jt 0631 jf 0630
0630: ret  #0x50001  ; ERRNO(1)
0631: ret  #0x7fff0000  ; ALLOW
0632: jge  #0x115       jt 0634 jf 0633
0633: ret  #0x50001  ; ERRNO(1)
0634: ret  #0x7fff0000  ; ALLOW
0635: jge  #0x127       jt 0647 jf 0636
0636: jge  #0x121       jt 0644 jf 0637
0637: jge  #0x11e       jt 0643 jf 0638
0638: jge  #0x11c       jt 0640 jf 0639
0639: ret  #0x50001  ; ERRNO(1)
0640: jge  #0x11d       jt 0642 jf 0641
0641: ret  #0x7fff0000  ; ALLOW
0642: ret  #0x50026  ; ERRNO(38)
0643: ret  #0x50001  ; ERRNO(1)
0644: jge  #0x126       jt 0646 jf 0645
0645: ret  #0x7fff0000  ; ALLOW
0646: ret  #0x50001  ; ERRNO(1)
0647: jge  #0x136       jt 0649 jf 0648
0648: ret  #0x7fff0000  ; ALLOW
0649: jge  #0x137       jt 0651 jf 0650
0650: ret  #0x50001  ; ERRNO(1)
0651: jge  #0x13d       jt 0653 jf 0652
0652: ret  #0x7fff0000  ; ALLOW
0653: ret  #0x50001  ; ERRNO(1)
0654: jge  #0x15f       jt 0674 jf 0655
0655: jge  #0x150       jt 0657 jf 0656
0656: ret  #0x7fff0000  ; ALLOW
0657: jge  #0x156       jt 0665 jf 0658
0658: jge  #0x153       jt 0664 jf 0659
0659: jge  #0x151       jt 0661 jf 0660
0660: ret  #0x50001  ; ERRNO(1)
0661: jge  #0x152       jt 0663 jf 0662
0662: ret  #0x7fff0000  ; ALLOW
0663: ret  #0x50001  ; ERRNO(1)
0664: ret  #0x7fff0000  ; ALLOW
0665: jge  #0x15a       jt 0669 jf 0666
0666: jge  #0x157       jt 0668 jf 0667
0667: ret  #0x50001  ; ERRNO(1)
0668: ret  #0x7fff0000  ; ALLOW
0669: jge  #0x15d       jt 0673 jf 0670
0670: jge  #0x15b       jt 0672 jf 0671
0671: ret  #0x50001  ; ERRNO(1)
0672: ret  #0x7fff0000  ; ALLOW
0673: ret  #0x50001  ; ERRNO(1)
0674: jge  #0x176       jt 0699 jf 0675
0675: jge  #0x168       jt 0698 jf 0676
0676: jge  #0x165       jt 0678 jf 0677
0677: ret  #0x7fff0000  ; ALLOW
0678: jge  #0x166       jt 0680 jf 0679
0679: ret  #0x50001  ; ERRNO(1)
0680: jge  #0x167       jt 0682 jf 0681
0681: ret  #0x7fff0000  ; ALLOW
0682: ld   [20]  ; args[0] (high)
0683: jgt  #0x0         jt 0687 jf 0684
0684: ld   [16]  ; args[0] (low)
0685: jge  #0x26        jt 0687 jf 0686
0686: ret  #0x7fff0000  ; ALLOW
0687: ld   [20]  ; args[0] (high)
0688: jeq  #0x0         jt 0689 jf 0692
0689: ld   [16]  ; args[0] (low)
0690: jeq  #0x27        jt 0691 jf 0692
0691: ret  #0x7fff0000  ; ALLOW
0692: ld   [20]  ; args[0] (high)
0693: jgt  #0x0         jt 0696 jf 0694
0694: ld   [16]  ; args[0] (low)
0695: jgt  #0x28        jt 0696 jf 0697
0696: ret  #0x7fff0000  ; ALLOW
0697: ret  #0x50001  ; ERRNO(1)
0698: ret  #0x7fff0000  ; ALLOW
0699: jge  #0x183       jt 0703 jf 0700
0700: jge  #0x177       jt 0702 jf 0701
0701: ret  #0x50001  ; ERRNO(1)
0702: ret  #0x7fff0000  ; ALLOW
0703: ret  #0x50026  ; ERRNO(38)
0704: jge  #0x1d3       jt 0742 jf 0705
0705: jge  #0x1b2       jt 0717 jf 0706
0706: jge  #0x19f       jt 0712 jf 0707
0707: jge  #0x194       jt 0709 jf 0708
0708: ret  #0x7fff0000  ; ALLOW
0709: jge  #0x195       jt 0711 jf 0710
0710: ret  #0x50001  ; ERRNO(1)
0711: ret  #0x7fff0000  ; ALLOW
0712: jge  #0x1a9       jt 0716 jf 0713
0713: jge  #0x1a0       jt 0715 jf 0714
0714: ret  #0x50026  ; ERRNO(38)
0715: ret  #0x7fff0000  ; ALLOW
0716: ret  #0x50001  ; ERRNO(1)
0717: jge  #0x1c3       jt 0737 jf 0718
0718: jge  #0x1bc       jt 0734 jf 0719
0719: jge  #0x1b6       jt 0725 jf 0720
0720: jge  #0x1b4       jt 0724 jf 0721
0721: jge  #0x1b3       jt 0723 jf 0722
0722: ret  #0x7fff0000  ; ALLOW
0723: ret  #0x50026  ; ERRNO(38)
0724: ret  #0x7fff0000  ; ALLOW
0725: jge  #0x1b8       jt 0729 jf 0726
0726: jge  #0x1b7       jt 0728 jf 0727
0727: ret  #0x50001  ; ERRNO(1)
0728: ret  #0x7fff0000  ; ALLOW
0729: jge  #0x1ba       jt 0733 jf 0730
0730: jge  #0x1b9       jt 0732 jf 0731
0731: ret  #0x50001  ; ERRNO(1)
0732: ret  #0x7fff0000  ; ALLOW
0733: ret  #0x50001  ; ERRNO(1)
0734: jge  #0x1c2       jt 0736 jf 0735
0735: ret  #0x7fff0000  ; ALLOW
0736: ret  #0x50001  ; ERRNO(1)
0737: jge  #0x1cb       jt 0739 jf 0738
0738: ret  #0x7fff0000  ; ALLOW
0739: jge  #0x1ce       jt 0741 jf 0740
0740: ret  #0x50001  ; ERRNO(1)
0741: ret  #0x7fff0000  ; ALLOW
0742: ret  #0x50026  ; ERRNO(38)
