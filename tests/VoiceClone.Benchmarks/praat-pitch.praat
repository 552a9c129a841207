# Praat's autocorrelation pitch (Boersma 1993) over every WAV in a folder, 10 ms steps, 50-800 Hz.
# print = 0 only analyses (for timing); print = 1 writes "file time hz" lines (undefined = unvoiced).
form Pitch of a folder
  sentence Folder /tmp
  integer Print 1
endform
list = Create Strings as file list: "list", folder$ + "/*.wav"
files = Get number of strings
for k to files
  selectObject: list
  name$ = Get string: k
  sound = Read from file: folder$ + "/" + name$
  pitch = To Pitch: 0.01, 50, 800
  if print
    frames = Get number of frames
    for i to frames
      t = Get time from frame number: i
      f = Get value in frame: i, "Hertz"
      appendInfoLine: name$, " ", fixed$(t, 4), " ", fixed$(f, 3)
    endfor
  endif
  removeObject: sound, pitch
endfor
