# Praat's jitter (local), shimmer (local, dB) and mean HNR for every WAV in a folder, with Praat's default settings.
form Voice quality of a folder
  sentence Folder /tmp
endform
list = Create Strings as file list: "list", folder$ + "/*.wav"
files = Get number of strings
for k to files
  selectObject: list
  name$ = Get string: k
  sound = Read from file: folder$ + "/" + name$
  pulses = To PointProcess (periodic, cc): 50, 800
  jitter = Get jitter (local): 0, 0, 0.0001, 0.02, 1.3
  selectObject: sound, pulses
  shimmer = Get shimmer (local_dB): 0, 0, 0.0001, 0.02, 1.3, 1.6
  selectObject: sound
  harmonicity = To Harmonicity (cc): 0.01, 75, 0.1, 1
  hnr = Get mean: 0, 0
  appendInfoLine: name$, " ", fixed$(jitter, 6), " ", fixed$(shimmer, 6), " ", fixed$(hnr, 4)
  removeObject: sound, pulses, harmonicity
endfor
