# embed_text(INPUT OUTPUT SYMBOL): compiles a text file into `extern const std::string_view SYMBOL`
# in namespace fwlint, so the binary needs no data file at run time.
function(embed_text input output symbol)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
  file(READ ${input} content)
  if(content MATCHES "\\)fwlint_embed\"")
    message(FATAL_ERROR "${input} contains the raw-string delimiter )fwlint_embed\"")
  endif()
  file(WRITE ${output}.tmp
       "// generated from ${input} by cmake/EmbedText.cmake — do not edit\n"
       "#include <string_view>\n"
       "namespace fwlint {\n"
       "extern const std::string_view ${symbol};\n"
       "const std::string_view ${symbol} = R\"fwlint_embed(${content})fwlint_embed\";\n"
       "}  // namespace fwlint\n")
  file(COPY_FILE ${output}.tmp ${output} ONLY_IF_DIFFERENT)
endfunction()
